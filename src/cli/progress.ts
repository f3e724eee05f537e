import cliProgress from 'cli-progress';
import type { CliIo } from './io.js';

/** Progress of reading one list: bytes of its file(s) and entities parsed so far. */
export interface Progress {
  update(bytesRead: number, entities: number): void;
  stop(): void;
}

const SILENT: Progress = { update: () => {}, stop: () => {} };

function megabytes(bytes: number): string {
  return (bytes / 1_048_576).toFixed(1);
}

/**
 * A progress bar over the bytes of a list's files, on a terminal only. Elsewhere (pipes, CI, tests)
 * it is silent and the command prints one plain line per list when it is done.
 */
export function startProgress(io: CliIo, label: string, totalBytes: number): Progress {
  if (!io.isTTY || totalBytes <= 0) return SILENT;
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label.padEnd(5)} [{bar}] {percentage}% | {mb}/{totalMb} MB | {entities} entities | {duration_formatted}`,
      hideCursor: true,
      clearOnComplete: true,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(totalBytes, 0, { mb: megabytes(0), totalMb: megabytes(totalBytes), entities: 0 });
  return {
    update(bytesRead, entities) {
      bar.update(Math.min(bytesRead, totalBytes), {
        mb: megabytes(bytesRead),
        totalMb: megabytes(totalBytes),
        entities,
      });
    },
    stop() {
      bar.stop();
    },
  };
}
