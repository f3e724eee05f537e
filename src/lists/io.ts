import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { ParseInfo } from './types.js';

const GZIP_MAGIC = [0x1f, 0x8b] as const;

export async function isGzipFile(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === GZIP_MAGIC[0] && buffer[1] === GZIP_MAGIC[1];
  } finally {
    await handle.close();
  }
}

/**
 * Opens a list file as a byte stream, gunzipping transparently when the file starts with the gzip
 * magic bytes (whatever its name). Counts raw bytes read into `info.bytesRead` for progress bars.
 */
export async function openListFile(path: string, info?: ParseInfo): Promise<Readable> {
  // Sniff before creating the stream: the 'data' listener below switches it to flowing mode, and
  // chunks emitted while we awaited the sniff would be lost (the parser would see an empty file).
  const gzip = await isGzipFile(path);
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  if (info) raw.on('data', (chunk) => (info.bytesRead += (chunk as Buffer).length));
  return gzip ? raw.pipe(createGunzip()) : raw;
}

/** Reads the first `bytes` bytes of a (possibly gzipped) file as text, for format detection. */
export async function readHead(path: string, bytes = 4096): Promise<Buffer> {
  const stream = await openListFile(path);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer);
    total += (chunk as Buffer).length;
    if (total >= bytes) break;
  }
  stream.destroy();
  return Buffer.concat(chunks).subarray(0, bytes);
}

/** The file name used in error messages and entity sources: the base name, without `.gz`. */
export function displayName(path: string): string {
  return basename(path).replace(/\.gz$/iu, '');
}
