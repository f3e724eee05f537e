import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (works from `test/support` in source and from `dist/test/support`). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `../shared/data` beside the project root: the real sanctions lists and evaluation sets. */
export const SHARED_DATA = resolve(PROJECT_ROOT, '..', 'shared', 'data');

export function sharedData(...parts: string[]): string {
  const path = join(SHARED_DATA, ...parts);
  if (!existsSync(path)) throw new Error(`shared data file missing: ${path}`);
  return path;
}
