/**
 * Lookup keys shared by subjects and list entities. A delta re-screen only has to look at the
 * subjects that share a key with some changed entity: the store finds them through an index on
 * each subject's keys, so a delta never prepares the whole population again.
 *
 * The keys are the spelling keys and phonetic skeletons the `MatchIndex` files names under. The
 * index's third kind, character trigrams, is left out on purpose: trigrams of common names would
 * select most of the population, and the phonetic skeleton already covers most misspellings. So
 * a subject whose name is only reachable through trigrams (a typo no key collapses) is found by
 * the next full re-screen, not by the delta; `bench/monitor.ts` measures how often that happens.
 * Identifier keys are included, as the index files them: a changed entity's passport number
 * selects the subject carrying it, whatever the names say (and a subject may have no name).
 */
import { forEachIdentifierKey, forEachKey, KEY_TRIGRAM } from '../../matching/index/index-keys.js';
import type { PreparedRecord } from '../../matching/types.js';

/** Adds a prepared record's name and identifier keys to `into` and returns it. */
export function addMatchKeys(record: PreparedRecord, into: Set<string>): Set<string> {
  for (const name of record.names) {
    for (const variant of name.variants) {
      forEachKey(variant, (key, kind) => {
        if (kind !== KEY_TRIGRAM) into.add(key);
      });
    }
  }
  forEachIdentifierKey(record, (key) => into.add(key));
  return into;
}

/** A record's lookup keys, sorted (stable for storage and comparison). */
export function matchKeys(record: PreparedRecord): string[] {
  return [...addMatchKeys(record, new Set())].sort();
}
