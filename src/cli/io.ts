/** Where a command writes. The real process in `bin.ts`; buffers in tests. */
export interface Writer {
  write(text: string): unknown;
}

export interface CliIo {
  readonly stdout: Writer;
  readonly stderr: Writer;
  /** Whether stderr is a terminal: progress bars only there, plain lines otherwise. */
  readonly isTTY: boolean;
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, isTTY: process.stderr.isTTY === true };
}

/** An in-memory `CliIo` for tests and for embedding the CLI. */
export function bufferIo(): CliIo & { readonly out: () => string; readonly err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    isTTY: false,
    out: () => out,
    err: () => err,
  };
}
