import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { DownloadError, NotFoundError, ParseError, ValidationError } from '../shared/errors.js';
import { EXIT_CODES, exitReport, reportError } from './exit.js';

describe('exitReport', () => {
  it('maps each domain error code to its exit code with the message on one line', () => {
    expect(exitReport(new ValidationError('bad input', 'field'), false)).toEqual({
      exitCode: 2,
      message: 'bad input',
    });
    expect(
      exitReport(
        new ParseError({ file: 'un.xml', line: 12, element: 'INDIVIDUAL' }, 'no DATAID'),
        false,
      ),
    ).toEqual({ exitCode: 65, message: 'un.xml, line 12, element <INDIVIDUAL>: no DATAID' });
    expect(exitReport(new NotFoundError('list version 9 does not exist'), false).exitCode).toBe(66);
    expect(exitReport(new DownloadError('un: HTTP 500\nretry later'), false)).toEqual({
      exitCode: 69,
      message: 'un: HTTP 500 retry later',
    });
  });

  it('gives a user mistake on the file system (a wrong path) a plain message, no stack', () => {
    const error = Object.assign(new Error("ENOENT: no such file or directory, open '/x/un.xml'"), {
      code: 'ENOENT',
      path: '/x/un.xml',
    });
    expect(exitReport(error, true)).toEqual({
      exitCode: EXIT_CODES.not_found,
      message: '/x/un.xml: no such file or directory',
    });
  });

  it('shows the stack of an unexpected error only in debug mode', () => {
    const bug = new TypeError('undefined is not a function');
    const quiet = exitReport(bug, false);
    expect(quiet.exitCode).toBe(1);
    expect(quiet.message).toBe('unexpected error: undefined is not a function');
    expect(quiet.hint).toMatch(/SARGAS_DEBUG=1/u);
    expect(quiet.stack).toBeUndefined();
    expect(exitReport(bug, true).stack).toContain('TypeError: undefined is not a function');
  });

  it('leaves Commander usage errors to Commander and keeps --help at 0', () => {
    expect(exitReport(new CommanderError(1, 'commander.unknownOption', 'x'), false)).toEqual({
      exitCode: 2,
      message: '',
    });
    expect(exitReport(new CommanderError(0, 'commander.helpDisplayed', ''), false).exitCode).toBe(
      0,
    );
  });

  it('writes "sargas: <message>" lines to stderr', () => {
    let err = '';
    const code = reportError(new ValidationError('nope'), false, {
      write: (text: string) => (err += text),
    });
    expect(code).toBe(2);
    expect(err).toBe('sargas: nope\n');
  });
});
