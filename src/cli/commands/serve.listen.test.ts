import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../main.js';
import { exitReport } from '../exit.js';
import { bufferIo } from '../io.js';
import { listenError } from './serve.js';

/**
 * `sargas serve` on a port another process holds: a one-line user error with its own exit code,
 * through the whole program in-process (composition root, embedded store, exit-code mapping).
 */
let dir: string;
let env: Record<string, string>;
let occupier: Server;
let port: number;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sargas-serve-listen-'));
  env = { SARGAS_DATA_DIR: join(dir, 'data') };
  occupier = createServer();
  await new Promise<void>((resolve, reject) => {
    occupier.once('error', reject);
    occupier.listen(0, '127.0.0.1', resolve);
  });
  const address = occupier.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  port = address.port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => (occupier ? occupier.close(() => resolve()) : resolve()));
  await rm(dir, { recursive: true, force: true });
});

async function run(args: string[]) {
  const io = bufferIo();
  const code = await main(args, { io, env });
  return { code, stdout: io.out(), stderr: io.err() };
}

describe('sargas serve on a port in use', () => {
  it('exits 75 with one line naming the port, and leaves no signal handler or store lock', async () => {
    const signals = [process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')];

    const { code, stderr } = await run(['serve', '--port', String(port), '--refresh', '0']);

    expect(stderr).toBe(
      `sargas: port ${port} on 127.0.0.1 is already in use (EADDRINUSE); stop the other process or pass --port\n`,
    );
    expect(code).toBe(75);
    expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual(signals);
    // The embedded store was closed: another command can open it.
    const after = await run(['lists', 'versions']);
    expect(after.stderr).toBe('');
    expect(after.code).toBe(0);
  });
});

describe('listenError', () => {
  // Shaped as Node reports them (`listen EACCES: permission denied 127.0.0.1:80`); the tests run
  // as root, where a low port cannot be refused for real.
  const systemError = (code: string, fields: Record<string, unknown>) =>
    Object.assign(new Error(`listen ${code}`), { code, syscall: 'listen', ...fields });

  it('maps permission, foreign address and unresolvable host to user errors and exit codes', () => {
    const denied = listenError(
      systemError('EACCES', { address: '127.0.0.1', port: 80 }),
      '127.0.0.1',
      80,
    );
    expect(exitReport(denied, false)).toEqual({
      exitCode: 77,
      message:
        'no permission to listen on port 80 on 127.0.0.1 (EACCES); ports below 1024 need privileges: pass --port 1024 or higher',
    });
    const foreign = listenError(
      systemError('EADDRNOTAVAIL', { address: '192.0.2.1' }),
      '192.0.2.1',
      8000,
    );
    expect(exitReport(foreign, false)).toEqual({
      exitCode: 2,
      message:
        'cannot listen on 192.0.2.1: not an address of this machine (EADDRNOTAVAIL); pass another --host',
    });
    const unknown = listenError(
      Object.assign(new Error('getaddrinfo ENOTFOUND x.invalid'), {
        code: 'ENOTFOUND',
        syscall: 'getaddrinfo',
      }),
      'x.invalid',
      8000,
    );
    expect(exitReport(unknown, false).exitCode).toBe(2);
  });

  it('leaves other errors alone (they stay bugs)', () => {
    expect(listenError(new Error('boom'), '127.0.0.1', 8000)).toBeNull();
    expect(listenError(systemError('EMFILE', {}), '127.0.0.1', 8000)).toBeNull();
  });
});
