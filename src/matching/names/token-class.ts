/**
 * How much a name token counts when two names are aligned. A patronymic or a particle (`al`,
 * `bin`, `van`) that one side leaves out says little about identity; a missing given name or
 * surname says a lot. The weights apply to romanised (ASCII) tokens.
 */

/** Weight of an ordinary token. */
export const FULL_WEIGHT = 1;
/** Weight of a patronymic (`Ivanovich`): lists and people often leave it out. */
export const PATRONYMIC_WEIGHT = 0.35;
/** Weight of a particle or connector (`al`, `bin`, `de`). */
export const PARTICLE_WEIGHT = 0.3;

const PARTICLES = new Set([
  'al',
  'el',
  'ul',
  'bin',
  'ibn',
  'bint',
  'ben',
  'abu',
  'abou',
  'ould',
  'de',
  'da',
  'di',
  'do',
  'dos',
  'das',
  'del',
  'della',
  'der',
  'den',
  'van',
  'von',
  'la',
  'le',
  'du',
  'y',
  'e',
  'and',
]);

/**
 * Slavic and Turkic patronymics in the romanisations lists use (`-ovich`, `-ovych`, `-ovitj`,
 * `-owitsch`, Latvian `-ovičs`, feminine `-ovna`, `-ivna`, `-ichna`; `ogly`, `kyzy`). These
 * suffixes are rare at the end of given names or surnames.
 */
const PATRONYMIC =
  /(?:vich|vych|vitch|vitj|vitsj|witsch|wicz?|vics|vicius|ovna|evna|ivna|yivna|ichna|auna)$/u;
const PATRONYMIC_WORD = new Set(['ogly', 'oglu', 'ugli', 'kyzy', 'qizi', 'gizi']);
/** `-vic` (Czech/Croatian `-vič`) is also a Balkan surname ending, so only inside longer names. */
const WEAK_PATRONYMIC = /vic$/u;

export function isParticle(token: string): boolean {
  return PARTICLES.has(token);
}

export function isPatronymic(token: string, position: number, count: number): boolean {
  if (token.length < 6) return PATRONYMIC_WORD.has(token);
  if (PATRONYMIC.test(token)) return true;
  return count >= 3 && position > 0 && WEAK_PATRONYMIC.test(token);
}

/**
 * Alignment weights of a name's tokens. A name has at most one patronymic: the first token after
 * the first one that looks like it. Belarusian and Serbian surnames end in `-ovich` too
 * (`Roman Arkadyevich ABRAMOVICH`), and the surname is then the later one.
 */
export function tokenWeights(tokens: readonly string[]): number[] {
  const count = tokens.length;
  let patronymicSeen = false;
  return tokens.map((token, position) => {
    if (count > 1 && isParticle(token)) return PARTICLE_WEIGHT;
    if (!patronymicSeen && count > 2 && position > 0 && isPatronymic(token, position, count)) {
      patronymicSeen = true;
      return PATRONYMIC_WEIGHT;
    }
    return FULL_WEIGHT;
  });
}
