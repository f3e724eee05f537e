import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/shared-data.js';
import { BIN } from './run-cli.js';

describe('the built bin', () => {
  it('runs as a program, as `npx sargas` runs it: shebang and executable bit', async () => {
    const { version } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    // Executed directly, not through `node BIN`: a build that leaves the file non-executable
    // fails here with EACCES, as `npx sargas` failed with "Permission denied".
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(BIN, ['--version'], (error, out) => (error === null ? resolve(out) : reject(error)));
    });
    expect(stdout.trim()).toBe(version);
  });
});
