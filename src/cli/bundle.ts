import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ListFormat } from '../lists/types.js';
import { ValidationError } from '../shared/errors.js';
import { LIST_FORMATS } from './format-option.js';

/** One list bundled in the repository's `lists/` folder, as `lists/manifest.json` describes it. */
export interface BundledList {
  readonly source: string;
  readonly format: ListFormat;
  /** Absolute: what `importList` takes (a file, or the OFAC folder). */
  readonly path: string;
  readonly listDate: string;
}

interface ManifestEntry {
  readonly format?: unknown;
  readonly path?: unknown;
  readonly listDate?: unknown;
}

/** Reads `manifest.json` from the bundle folder; a broken manifest is a packaging error. */
export async function readBundleManifest(bundleDir: string): Promise<BundledList[]> {
  const file = join(bundleDir, 'manifest.json');
  let parsed: { lists?: Record<string, ManifestEntry> };
  try {
    parsed = JSON.parse(await readFile(file, 'utf8')) as typeof parsed;
  } catch (error) {
    throw new ValidationError(
      `cannot read the bundled lists' manifest ${file}: ${error instanceof Error ? error.message : String(error)}`,
      'SARGAS_BUNDLE_DIR',
    );
  }
  return Object.entries(parsed.lists ?? {}).map(([source, entry]) => {
    const { format, path, listDate } = entry;
    if (
      typeof format !== 'string' ||
      !(LIST_FORMATS as readonly string[]).includes(format) ||
      typeof path !== 'string'
    ) {
      throw new ValidationError(`${file}: list '${source}' needs a known "format" and a "path"`);
    }
    return {
      source,
      format: format as ListFormat,
      path: join(bundleDir, path),
      listDate: typeof listDate === 'string' ? listDate : '',
    };
  });
}
