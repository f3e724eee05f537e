/**
 * Micro-benchmark of name analysis: `analyzeName` and `spellingKey` over every alias of the real EU
 * list (about 29.6k names, Latin, Cyrillic, Arabic, Greek ...). Prints names/s and µs per name.
 * Run: `npm run build && node dist/bench/normalize.js [path-to-eu-fsf.xml]`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeName, spellingKey } from '../src/matching/normalize/index.js';

/** The directory holding package.json, from bench/ in source or dist/bench/ when built. */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || dir.endsWith('dist')) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('project root not found');
    dir = parent;
  }
  return dir;
}

const file =
  process.argv[2] ??
  join(projectRoot(), '..', 'shared', 'data', 'lists', 'eu', 'eu-fsf-2026-01-28.xml');
const xml = readFileSync(file, 'utf8');
const names = [...xml.matchAll(/wholeName="([^"]*)"/g)].map((match) => match[1] ?? '');

function time(label: string, rounds: number, run: () => number): void {
  run(); // warm-up: JIT, lazily compiled tables and caches
  const start = process.hrtime.bigint();
  let work = 0;
  for (let round = 0; round < rounds; round++) work += run();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const perSecond = work / seconds;
  console.log(
    `${label.padEnd(34)} ${Math.round(perSecond).toLocaleString('en').padStart(10)} /s  ${(1e6 / perSecond).toFixed(2)} µs each`,
  );
}

console.log(`${names.length} EU aliases from ${file}`);
{
  // Cold: the first pass pays for compiling tables and filling the per-token caches, as an index
  // build does.
  const start = process.hrtime.bigint();
  for (const name of names) analyzeName(name);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(
    `${'analyzeName, first pass (cold)'.padEnd(34)} ${Math.round(names.length / seconds)
      .toLocaleString('en')
      .padStart(10)} /s  ${((seconds * 1e6) / names.length).toFixed(2)} µs each`,
  );
}
time('analyzeName (no schema)', 3, () => {
  for (const name of names) analyzeName(name);
  return names.length;
});
time('analyzeName (Person)', 3, () => {
  for (const name of names) analyzeName(name, { schema: 'Person' });
  return names.length;
});
const variantTokens = names.flatMap((name) => analyzeName(name).latinVariants.flat());
time('spellingKey (per variant token)', 3, () => {
  for (const token of variantTokens) spellingKey(token);
  return variantTokens.length;
});
const variants = names.map((name) => analyzeName(name).latinVariants.length);
console.log(
  `latin variants per name: mean ${(variants.reduce((a, b) => a + b, 0) / variants.length).toFixed(2)}, max ${Math.max(...variants)}`,
);
