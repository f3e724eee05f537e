import { InvalidArgumentError } from 'commander';
import { ID_PREFIX, type ListFormat } from '../lists/types.js';

export const LIST_FORMATS = Object.freeze(Object.keys(ID_PREFIX) as ListFormat[]);

/** Commander's parser for `--format`: one of the formats Sargas reads. */
export function parseFormat(value: string): ListFormat {
  if (!(LIST_FORMATS as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`unknown format '${value}' (known: ${LIST_FORMATS.join(', ')})`);
  }
  return value as ListFormat;
}
