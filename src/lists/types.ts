import type { Entity } from '../model/entity.js';

/** The file formats Sargas reads. Detected from content when the user does not say. */
export type ListFormat =
  | 'eu-fsf-xml'
  | 'un-sc-xml'
  | 'ofac-sdn-csv'
  | 'ofac-cons-csv'
  | 'ofac-xml'
  | 'uk-ofsi-csv'
  | 'ftm-jsonl';

/** The id prefix of each format family: `eu:<logicalId>`, `un:<DATAID>`, ... */
export const ID_PREFIX: Readonly<Record<ListFormat, string>> = {
  'eu-fsf-xml': 'eu',
  'un-sc-xml': 'un',
  'ofac-sdn-csv': 'ofac',
  'ofac-cons-csv': 'ofac',
  'ofac-xml': 'ofac',
  'uk-ofsi-csv': 'uk',
  'ftm-jsonl': 'os',
};

/**
 * What a parser learns about the file as a whole while it streams. Parsers fill it in; it is
 * complete once the entity iterator has finished.
 */
export interface ParseInfo {
  /** Publication date the file itself declares (ISO 8601), or null when the format has none. */
  publishedAt: string | null;
  /** A record count the file declares about itself (OFAC `Record_Count`), if any. */
  declaredCount: number | null;
  /** Non-fatal oddities, each naming file and line/element (e.g. "alt.csv missing"). */
  readonly warnings: string[];
  /** Bytes read so far across all files (compressed bytes for `.gz`), for progress reporting. */
  bytesRead: number;
}

/** Everything a parser needs: the files to read and where to report what it learns. */
export interface ParseRequest {
  /** The list (dataset) name the entities belong to, e.g. `eu` or `ofac-cons`. */
  readonly dataset: string;
  /** The files of this list; most formats have one, OFAC CSV has up to four. */
  readonly files: readonly string[];
  readonly info: ParseInfo;
}

/** A parser streams entities; it never holds the whole file in memory. */
export type ListParser = (request: ParseRequest) => AsyncIterable<Entity>;

export function newParseInfo(): ParseInfo {
  return { publishedAt: null, declaredCount: null, warnings: [], bytesRead: 0 };
}
