/**
 * sargas-v1: the default matching algorithm, as a declaration (after nomenklatura's logic_v2).
 * The best weighted main feature plus the weighted qualifiers gives a raw score in 0..1; a
 * logistic calibration fitted on labelled data (`sargas-v1.calibration.json`, refit with
 * `npm run eval -- --fit`) turns it into a probability-like score, and `threshold` sets `match`.
 */
import { countryMatch, countryMismatch } from '../features/countries.js';
import {
  dobDayMonthSwap,
  dobExact,
  dobMismatch,
  dobSameYear,
  dobYearOffByOne,
} from '../features/dates.js';
import { genderMismatch } from '../features/gender.js';
import { identifierMatch } from '../features/identifiers.js';
import { orgLegalFormMismatch } from '../features/legal-forms.js';
import {
  nameInitialsMatch,
  nameLiteralMatch,
  namePhoneticMatch,
  nameTokenConflict,
  nameTokenSimilarity,
} from '../features/names.js';
import type { Algorithm, Calibration } from '../types.js';
import calibrationJson from './sargas-v1.calibration.json' with { type: 'json' };

const calibration: Calibration = Object.freeze({ ...calibrationJson });

export const sargasV1: Algorithm = Object.freeze({
  name: 'sargas-v1',
  description:
    'Cross-script name matching on aligned tokens (transliteration variants, spelling keys, given-name forms, phonetics, initials), confirmed or weakened by birth dates, countries, gender and legal forms; identifiers match on their own.',
  features: Object.freeze([
    [nameLiteralMatch, 1.0],
    [nameTokenSimilarity, 0.95],
    [namePhoneticMatch, 0.9],
    [nameInitialsMatch, 0.8],
    [identifierMatch, 0.95],
    [nameTokenConflict, -0.25],
    [dobExact, 0.15],
    [dobDayMonthSwap, 0.08],
    [dobSameYear, 0.03],
    [dobYearOffByOne, -0.05],
    [dobMismatch, -0.2],
    [countryMatch, 0.03],
    [countryMismatch, -0.1],
    [genderMismatch, -0.2],
    [orgLegalFormMismatch, -0.1],
  ] as const),
  config: Object.freeze({
    min_token_similarity: {
      description: 'Token similarity below which two tokens do not match at all (0..1).',
      default: 0.75,
    },
    fuzzy_min_length: {
      description: 'Tokens shorter than this must match exactly (no typo allowance).',
      default: 4,
    },
    fuzzy_penalty: {
      description:
        'How much a fuzzy token pair falls short of an exact one (2.5: raw similarity 0.9 earns 0.75).',
      default: 2.5,
    },
    phonetic_similarity: {
      description: 'Credit for two tokens whose phonetic skeletons agree (name_phonetic_match).',
      default: 0.85,
    },
    extra_token_cost: {
      description:
        'Share of its weight that a name token present on one side only costs (1 = plain Dice; conflicting tokens always cost 1).',
      default: 0.6,
    },
    equivalent_name_similarity: {
      description:
        'Similarity credited to two known forms of one given name (Aleksandr/Oleksandr).',
      default: 0.9,
    },
  }),
  combine: (bestMain: number, qualifiers: number) =>
    Math.min(1, Math.max(0, bestMain + qualifiers)),
  calibration,
});
