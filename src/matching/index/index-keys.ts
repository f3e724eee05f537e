/**
 * The keys under which the index files a name variant, and under which a query looks. A token
 * yields its spelling key (`k:`), its phonetic skeleton (`p:`) and, when long enough, its
 * character trigrams (`g:`) so that a typo or a case ending still finds the name. Identity
 * document and registration numbers are filed whole (`i:`), so that a query giving only a
 * passport or IMO number finds the entity carrying it.
 */
import { MIN_IDENTIFIER_LENGTH } from '../features/identifiers.js';
import type { NameVariant, PreparedRecord } from '../types.js';

export const KEY_SPELLING = 0;
export const KEY_PHONETIC = 1;
export const KEY_TRIGRAM = 2;
export type KeyKind = typeof KEY_SPELLING | typeof KEY_PHONETIC | typeof KEY_TRIGRAM;

/** Calls `emit(key, kind, tokenIndex, trigramCount)` for each key of a variant. */
export function forEachKey(
  variant: NameVariant,
  emit: (key: string, kind: KeyKind, token: number, parts: number) => void,
): void {
  for (let t = 0; t < variant.keys.length; t++) {
    const key = variant.keys[t]!;
    if (key.length < 2) continue; // initials are too common to look up
    emit(`k:${key}`, KEY_SPELLING, t, 1);
    const phonetic = variant.phonetic[t]!;
    if (phonetic.length >= 2) emit(`p:${phonetic}`, KEY_PHONETIC, t, 1);
    if (key.length >= 4) {
      const padded = `^${key}$`;
      const parts = padded.length - 2;
      for (let i = 0; i + 3 <= padded.length; i++) {
        emit(`g:${padded.slice(i, i + 3)}`, KEY_TRIGRAM, t, parts);
      }
    }
  }
}

/**
 * Calls `emit(key)` for each identifier of a record long enough for `identifier_match` to score
 * (the identifiers are already normalised by `prepareEntity`).
 */
export function forEachIdentifierKey(record: PreparedRecord, emit: (key: string) => void): void {
  for (const identifier of record.identifiers) {
    if (identifier.length >= MIN_IDENTIFIER_LENGTH) emit(`i:${identifier}`);
  }
}
