/**
 * Cross-script agreement over the real EU list: for every EU person with Cyrillic and Latin
 * aliases, do the romanisations of a Cyrillic alias, keyed per token, meet a Latin alias of the
 * same person? And how often do they meet a different person's alias by accident?
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { SHARED_DATA } from '../../../test/support/shared-data.js';
import { type AnalyzedName, analyzeName, spellingKey } from './index.js';

const EU_FILE = `${SHARED_DATA}/lists/eu/eu-fsf-2026-01-28.xml`;

interface Person {
  readonly id: string;
  readonly cyrillic: string[];
  readonly latin: string[];
}

function decodeXml(text: string): string {
  return text
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

/** Persons with at least one Cyrillic and one Latin alias (a regex read; the file is regular). */
function loadPersons(): Person[] {
  const xml = readFileSync(EU_FILE, 'utf8');
  const persons: Person[] = [];
  for (const match of xml.matchAll(
    /<sanctionEntity[^>]*logicalId="(\d+)"[^>]*>([\s\S]*?)<\/sanctionEntity>/g,
  )) {
    const body = match[2] ?? '';
    if (!body.includes('code="person"')) continue;
    const cyrillic: string[] = [];
    const latin: string[] = [];
    for (const alias of body.matchAll(/wholeName="([^"]*)"/g)) {
      const name = decodeXml(alias[1] ?? '');
      const analyzed = analyzeName(name, { schema: 'Person' });
      if (analyzed.script === 'Cyrl') cyrillic.push(name);
      else if (analyzed.script === 'Latn') latin.push(name);
    }
    if (cyrillic.length > 0 && latin.length > 0)
      persons.push({ id: match[1] ?? '', cyrillic, latin });
  }
  return persons;
}

function keySets(name: AnalyzedName): Set<string>[] {
  return name.latinVariants.map(
    (variant) => new Set(variant.map(spellingKey).filter((key) => key.length > 0)),
  );
}

/** Shared keys between two key sets, and the "all but one" bar for the shorter side. */
function meets(a: Set<string>, b: Set<string>, slack: number): boolean {
  let shared = 0;
  for (const key of a) if (b.has(key)) shared++;
  const need = Math.max(1, Math.min(a.size, b.size) - slack);
  return shared >= need;
}

function anyMeets(cyrillic: Set<string>[], latin: Set<string>[][], slack: number): boolean {
  return cyrillic.some((c) => latin.some((variants) => variants.some((l) => meets(c, l, slack))));
}

describe.skipIf(!existsSync(EU_FILE))('EU list cross-script agreement', () => {
  test('Cyrillic aliases meet a Latin alias of the same person, rarely of another', () => {
    const persons = loadPersons();
    expect(persons.length).toBeGreaterThan(2000);
    const analyzed = persons.map((person) => ({
      cyrillic: person.cyrillic.map((name) => keySets(analyzeName(name, { schema: 'Person' }))),
      latin: person.latin.map((name) => keySets(analyzeName(name, { schema: 'Person' }))),
      names: person,
    }));

    let aliases = 0;
    let allButOne = 0;
    let all = 0;
    let personsAll = 0;
    const misses: string[] = [];
    for (const person of analyzed) {
      let personOk = true;
      person.cyrillic.forEach((cyrillic, k) => {
        aliases++;
        const ok = anyMeets(cyrillic, person.latin, 1);
        if (ok) allButOne++;
        else {
          personOk = false;
          misses.push(`${person.names.cyrillic[k]}  ≠  ${person.names.latin.join(' | ')}`);
        }
        if (anyMeets(cyrillic, person.latin, 0)) all++;
      });
      if (personOk) personsAll++;
    }

    // Negatives: each person's Cyrillic aliases against the Latin aliases of a fixed other person.
    let pairs = 0;
    let collisions = 0;
    let strictCollisions = 0;
    const n = analyzed.length;
    for (let i = 0; i < n; i++) {
      for (const offset of [1, 7, 101, 997]) {
        const a = analyzed[i];
        const b = analyzed[(i + offset) % n];
        if (!a || !b) continue;
        for (const cyrillic of a.cyrillic) {
          pairs++;
          if (anyMeets(cyrillic, b.latin, 1)) collisions++;
          if (anyMeets(cyrillic, b.latin, 0)) strictCollisions++;
        }
      }
    }

    const share = allButOne / aliases;
    const strict = all / aliases;
    const rate = collisions / pairs;
    console.log(
      [
        `EU persons with Cyrillic+Latin aliases: ${persons.length}, Cyrillic aliases: ${aliases}`,
        `aliases meeting a same-person Latin alias on all-but-one token keys: ${(share * 100).toFixed(1)}%`,
        `  ... on all token keys: ${(strict * 100).toFixed(1)}%`,
        `persons all of whose Cyrillic aliases meet: ${((personsAll / persons.length) * 100).toFixed(1)}%`,
        `different-person pairs colliding (all-but-one): ${(rate * 100).toFixed(2)}% of ${pairs}; (all): ${((strictCollisions / pairs) * 100).toFixed(2)}%`,
        `sample misses:\n  ${misses.slice(0, 40).join('\n  ')}`,
      ].join('\n'),
    );
    expect(share).toBeGreaterThan(0.9);
    expect(rate).toBeLessThan(0.02);
  });
});
