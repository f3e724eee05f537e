/**
 * The naive baseline of the evaluation: exact match on ASCII-folded, lower-cased, sorted name
 * tokens, with a simple Cyrillic → Latin table. It is the floor every real matcher must beat.
 */

const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
  ў: 'u',
};

/** Folded, sorted tokens joined by a space: two names are "equal" when these are. */
export function baselineKey(name: string): string {
  const lower = name.normalize('NFKC').toLowerCase();
  let latin = '';
  for (const ch of lower) latin += CYRILLIC[ch] ?? ch;
  const folded = latin.normalize('NFKD').replace(/\p{M}+/gu, '');
  return folded
    .split(/[^a-z0-9]+/u)
    .filter((token) => token !== '')
    .sort()
    .join(' ');
}
