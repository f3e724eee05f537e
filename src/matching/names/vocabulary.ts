/**
 * Small integer ids for the strings that name alignment compares by equality (spelling keys,
 * phonetic skeletons, whole-name forms). The scoring loop then compares and indexes integers read
 * from one typed array per list record instead of chasing strings through name objects scattered
 * over the heap, which is where most of its time went.
 *
 * Only list records are interned (`prepareEntity` for a list entry, or a record the first time it
 * is scored as a candidate); queries are looked up, never added, so a long-running service that
 * screens millions of novel names does not grow the tables. The tables are append-only and shared
 * by every index in the process: an id never changes meaning.
 */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly strings: string[] = [];

  get size(): number {
    return this.strings.length;
  }

  /** The id of `value`, adding it when new. */
  intern(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(value);
      this.ids.set(value, id);
    }
    return id;
  }

  /** The id of `value`, or -1 when no record has it (then no record can equal it either). */
  lookup(value: string): number {
    return this.ids.get(value) ?? -1;
  }

  /** The string of an id returned by `intern`. */
  text(id: number): string {
    return this.strings[id]!;
  }
}

/** Spelling keys of name tokens. */
export const SPELLING_KEYS = new Vocabulary();
/** Phonetic skeletons of name tokens (only those of two or more characters ever match). */
export const PHONETIC_KEYS = new Vocabulary();
/** Whole-name forms: sorted keys (`literal`) and keys joined without spaces (`joined`). */
export const NAME_FORMS = new Vocabulary();
