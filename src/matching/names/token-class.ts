/**
 * How much a name token counts when two names are aligned. A patronymic or a particle (`al`,
 * `bin`, `van`) that one side leaves out says little about identity; a missing given name or
 * surname says a lot. The weights apply to romanised (ASCII) tokens.
 */

import { isServantOf } from './theophoric.js';

/** Weight of an ordinary token. */
export const FULL_WEIGHT = 1;
/** Weight of a patronymic (`Ivanovich`): lists and people often leave it out. */
export const PATRONYMIC_WEIGHT = 0.35;
/** Weight of a particle or connector (`al`, `bin`, `de`). */
export const PARTICLE_WEIGHT = 0.3;
/**
 * Weight of a number in a name (`Snow Storm 2`, `Partners IV`, `Trust 2004-1`). A series number
 * tells two related names apart, yet a name that differs only in it is the same shelf of funds
 * or fleet of ships and worth an analyst's look: differing numbers weaken the match, they do not
 * undo it (`name_token_conflict` still reports them).
 */
export const NUMBER_WEIGHT = 0.5;

/** Roman numerals up to 39 (`II`, `IV`, `XV`, `XXX`): series numbers of funds, trusts, ships. */
const ROMAN_NUMERAL = /^(?:x{1,3}(?:ix|iv|v?i{0,3})|ix|iv|v?i{1,3}|v)$/u;

/** A number token: digits, or a Roman numeral after the first word of a non-person name. */
export function isNumberToken(token: string, position: number, person: boolean): boolean {
  if (/^[0-9]+$/u.test(token)) return true;
  return !person && position > 0 && token.length <= 5 && ROMAN_NUMERAL.test(token);
}

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
  'umm',
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
 * `-owitsch`, Latvian `-ovičs`, feminine `-ovna`, `-ivna`, `-ichna`, Belarusian `-aŭna`/`-eŭna`;
 * `ogly`, `kyzy`). These suffixes are rare at the end of given names or surnames.
 */
const PATRONYMIC =
  /(?:vich|vych|vitch|vitj|vitsj|witsch|wicz?|vics|vicius|ovna|evna|ivna|yivna|ichna|auna|euna)$/u;
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
export function tokenWeights(tokens: readonly string[], person = true): number[] {
  const count = tokens.length;
  let patronymicSeen = false;
  return tokens.map((token, position) => {
    if (count > 1 && isParticle(token)) return PARTICLE_WEIGHT;
    // `Abdul Rahman` is one given name in two tokens (`theophoric.ts`): together they weigh
    // about one name, so that a listed `Abdul Haq` is not a two-part name that every
    // `Abdul Haq <surname>` contains.
    if (isServantOf(token, tokens[position + 1])) return PARTICLE_WEIGHT;
    if (count > 1 && isNumberToken(token, position, person)) return NUMBER_WEIGHT;
    if (!patronymicSeen && count > 2 && position > 0 && isPatronymic(token, position, count)) {
      patronymicSeen = true;
      return PATRONYMIC_WEIGHT;
    }
    return FULL_WEIGHT;
  });
}

/** `lineageRoles` values: a token with no known role aligns with any token. */
export const NO_ROLE = 0;
export const OWN_NAME = 1;
export const FATHER_NAME = 2;

/** Connectors of a lineage name: `X bin Y` is X, son of Y (`bint`: daughter; `ould`: son). */
const LINEAGE_CONNECTORS = new Set(['bin', 'ibn', 'bint', 'binti', 'ben', 'ould']);

/**
 * Roles in an Arabic-style lineage name. `Muhammad bin Salman` and `Salman bin Muhammad` are a
 * son and his father, not one name in two orders, so a person's own name must not align with
 * another's father's name. Only the names around the first connector get a role: `Usama bin
 * Muhammad bin Awad bin Ladin` is often shortened to `Usama bin Ladin`, whose `Ladin` is a
 * grandfather's or family name, so later links stay free.
 */
export function lineageRoles(tokens: readonly string[]): number[] {
  const roles = tokens.map(() => NO_ROLE);
  if (tokens.length < 2) return roles;
  const at = tokens.findIndex((token) => LINEAGE_CONNECTORS.has(token));
  if (at < 0) return roles;
  // `Ben` first is a given name (`Ben Netanyahu`) unless the name is reordered round it; a
  // connector is only trusted with a name on each side or at the start before two more words.
  if (at === 0 && tokens.length < 3) return roles;
  for (let i = at - 1; i >= 0; i--) {
    if (!isParticle(tokens[i]!)) {
      roles[i] = OWN_NAME;
      break;
    }
  }
  for (let i = at + 1; i < tokens.length; i++) {
    if (LINEAGE_CONNECTORS.has(tokens[i]!)) break;
    if (!isParticle(tokens[i]!)) {
      roles[i] = FATHER_NAME;
      break;
    }
  }
  return roles;
}
