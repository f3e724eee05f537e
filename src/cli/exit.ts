import { CommanderError } from 'commander';
import { type ErrorCode, errorCode, isSargasError } from '../shared/errors.js';

/**
 * Exit codes, one per error code (sysexits.h where one fits), so scripts can tell a bad argument
 * from a broken list file from a failed download without reading the message.
 */
export const EXIT_CODES: Readonly<Record<ErrorCode | 'usage' | 'unexpected', number>> = {
  unexpected: 1,
  usage: 2,
  validation: 2,
  parse: 65, // EX_DATAERR
  not_found: 66, // EX_NOINPUT
  download: 69, // EX_UNAVAILABLE
  integrity: 70, // EX_SOFTWARE: stored data failed its own checks
  conflict: 75, // EX_TEMPFAIL: retrying may help
  invalid_transition: 75,
  forbidden: 77, // EX_NOPERM
  unauthenticated: 77,
};

/** File-system errors that come from a path the user typed, not from a bug. */
const USER_FS_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory (expected a file)',
  ENOTDIR: 'not a directory',
};

interface FsError {
  readonly code: string;
  readonly path?: string;
}

function asFsError(error: unknown): FsError | null {
  const code = errorCode(error);
  if (code === undefined || !(code in USER_FS_ERRORS)) return null;
  const { path } = error as { path?: unknown };
  return typeof path === 'string' ? { code, path } : { code };
}

/** What the CLI prints and returns for an error. `message` is one line, without the prefix. */
export interface ExitReport {
  readonly exitCode: number;
  readonly message: string;
  /** Printed after the message, for unexpected errors only. */
  readonly hint?: string;
  readonly stack?: string;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/gu, ' ').trim();
}

/** Maps any thrown value to an exit code and a one-line message. */
export function exitReport(error: unknown, debug: boolean): ExitReport {
  if (isSargasError(error)) {
    return { exitCode: EXIT_CODES[error.code], message: oneLine(error.message) };
  }
  if (error instanceof CommanderError) {
    // Commander has already printed its own message (see `configureOutput` in main.ts).
    return { exitCode: error.exitCode === 0 ? 0 : EXIT_CODES.usage, message: '' };
  }
  const fs = asFsError(error);
  if (fs !== null) {
    const where = fs.path === undefined ? '' : `${fs.path}: `;
    return { exitCode: EXIT_CODES.not_found, message: `${where}${USER_FS_ERRORS[fs.code]}` };
  }
  const message = error instanceof Error ? error.message : String(error);
  const stack = error instanceof Error ? error.stack : undefined;
  return {
    exitCode: EXIT_CODES.unexpected,
    message: `unexpected error: ${oneLine(message)}`,
    hint: debug
      ? 'this is a bug in Sargas; please report it with the stack trace below'
      : 'this is a bug in Sargas; run again with SARGAS_DEBUG=1 for a stack trace and report it',
    ...(debug && stack !== undefined ? { stack } : {}),
  };
}

/** Writes the report to stderr and returns the exit code. */
export function reportError(
  error: unknown,
  debug: boolean,
  stderr: { write(text: string): unknown },
): number {
  const report = exitReport(error, debug);
  if (report.message !== '') stderr.write(`sargas: ${report.message}\n`);
  if (report.hint !== undefined) stderr.write(`sargas: ${report.hint}\n`);
  if (report.stack !== undefined) stderr.write(`${report.stack}\n`);
  return report.exitCode;
}
