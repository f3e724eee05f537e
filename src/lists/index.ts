/** The lists domain's public surface: formats, parsers, reading, importing, diffs, ports. */

export { detectScript } from '../shared/script.js';
export { detectFormat } from './detect-format.js';
export { parseEuFsfXml } from './formats/eu-fsf.js';
export { parseFtmJsonl } from './formats/ftm-jsonl.js';
export { parseOfacConsCsv, parseOfacSdnCsv } from './formats/ofac-csv.js';
export { parseOfacXml } from './formats/ofac-xml.js';
export { parseUkOfsiCsv } from './formats/uk-ofsi.js';
export { parseUnScXml } from './formats/un-sc.js';
export { displayName, openListFile, readHead } from './io.js';
export type {
  ChangedEntity,
  ListFileInfo,
  ListStore,
  ListVersion,
  NewListVersion,
  StoredVersionDiff,
} from './ports.js';
export { type ListRead, PARSERS, type ReadListInput, readList } from './read-list.js';
export {
  ID_PREFIX,
  type ListFormat,
  type ListParser,
  newParseInfo,
  type ParseInfo,
  type ParseRequest,
} from './types.js';
