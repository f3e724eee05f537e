/**
 * Risk indicators from declared employment. Each rule is data (an id, a category, a description
 * and what it looks for), so the service can change what it looks for without a release: a JSON
 * file replaces the defaults (`parseRiskRules`). A rule looks at the employer's name, the position
 * held, or whether screening found the employer on a list; it never looks at citizenship.
 */
import { ParseError, ValidationError } from '../../shared/errors.js';
import {
  type Employment,
  RISK_CATEGORIES,
  type RiskCategory,
  type RiskIndicator,
  type TriageHit,
} from '../types.js';
import { analyzeText, type CompiledPattern, compilePattern, findPattern } from './text-match.js';

export interface RiskRule {
  /** snake_case, unique: what analysts and statistics refer to. */
  readonly id: string;
  readonly category: RiskCategory;
  /** Shown to the analyst with every indicator the rule raises. */
  readonly description: string;
  /** Phrases looked for in the employer's name (see `text-match.ts` for the pattern syntax). */
  readonly employerPatterns?: readonly string[];
  /** Phrases looked for in the position held: they fire on the position alone. */
  readonly positionPatterns?: readonly string[];
  /** Fires when screening matched the employer (`match: true`) on a sanctions list or the watchlist. */
  readonly designatedEmployer?: boolean;
}

interface CompiledRule {
  readonly rule: RiskRule;
  readonly employer: readonly CompiledPattern[];
  readonly position: readonly CompiledPattern[];
}

// Rules are compiled once per rule object: triage runs them for every applicant, and reading a
// pattern (romanisation) costs far more than matching it.
const compiledRules = new WeakMap<RiskRule, CompiledRule>();

function compileRule(rule: RiskRule): CompiledRule {
  let compiled = compiledRules.get(rule);
  if (compiled === undefined) {
    compiled = {
      rule,
      employer: (rule.employerPatterns ?? []).map(compilePattern),
      position: (rule.positionPatterns ?? []).map(compilePattern),
    };
    compiledRules.set(rule, compiled);
  }
  return compiled;
}

/** Raises the indicators of every rule on every declared employment, in employment order. */
export function evaluateRiskRules(
  employment: readonly Employment[],
  employerHits: readonly TriageHit[],
  rules: readonly RiskRule[],
): RiskIndicator[] {
  const compiled = rules.map(compileRule);
  return employment.flatMap((job, index) => {
    const context: JobContext = {
      job,
      index,
      total: employment.length,
      employer: analyzeText(job.employer),
      position: job.position === null ? [] : analyzeText(job.position),
      designations: employerHits.filter((hit) => hit.employmentIndex === index && hit.match),
    };
    return compiled.flatMap((rule) => indicatorsOf(rule, context));
  });
}

interface JobContext {
  readonly job: Employment;
  readonly index: number;
  readonly total: number;
  readonly employer: ReturnType<typeof analyzeText>;
  readonly position: ReturnType<typeof analyzeText>;
  /** Screening hits with `match: true` for this employer. */
  readonly designations: readonly TriageHit[];
}

/**
 * One indicator per designation the employer matched, and at most one for the rule's patterns
 * (the employer is looked at before the position): a rule that fires twice on one job adds noise,
 * not information.
 */
function indicatorsOf(compiled: CompiledRule, context: JobContext): RiskIndicator[] {
  const { rule } = compiled;
  const out: RiskIndicator[] = [];
  if (rule.designatedEmployer === true) {
    for (const hit of context.designations) out.push(designationIndicator(rule, context, hit));
  }
  const textual =
    patternIndicator(rule, context, 'employer', compiled.employer, context.employer) ??
    patternIndicator(rule, context, 'position', compiled.position, context.position);
  if (textual !== null) out.push(textual);
  return out;
}

function describeJob(context: JobContext): string {
  const position = context.job.position === null ? 'not given' : `'${context.job.position}'`;
  return (
    `employment ${context.index + 1} of ${context.total} ` +
    `(employer '${context.job.employer}', position ${position})`
  );
}

function patternIndicator(
  rule: RiskRule,
  context: JobContext,
  field: 'employer' | 'position',
  patterns: readonly CompiledPattern[],
  text: ReturnType<typeof analyzeText>,
): RiskIndicator | null {
  for (const pattern of patterns) {
    const matched = findPattern(text, pattern);
    if (matched === null) continue;
    return {
      ruleId: rule.id,
      category: rule.category,
      employmentIndex: context.index,
      explanation:
        `Rule '${rule.id}' (${rule.description}): ${describeJob(context)}: ` +
        `the ${field} contains '${matched}' (pattern '${pattern.source}').`,
      evidence: matched,
    };
  }
  return null;
}

function designationIndicator(rule: RiskRule, context: JobContext, hit: TriageHit): RiskIndicator {
  const where = hit.source === 'watchlist' ? 'the service watchlist' : `the ${hit.list} list`;
  return {
    ruleId: rule.id,
    category: rule.category,
    employmentIndex: context.index,
    explanation:
      `Rule '${rule.id}' (${rule.description}): ${describeJob(context)}: ` +
      `the employer matches '${hit.caption}' (${hit.entityId}) on ${where}, score ${hit.score}.`,
    evidence: `${hit.caption} (${hit.entityId}, ${hit.list})`,
  };
}

const RULE_FIELDS = [
  'id',
  'category',
  'description',
  'employerPatterns',
  'positionPatterns',
  'designatedEmployer',
] as const;
const RULE_ID = /^[a-z][a-z0-9_]{0,63}$/u;

/**
 * Reads a rules file's JSON: `{"rules": [RiskRule, ...]}`, the rules exactly as `RiskRule` (so
 * `JSON.stringify({ rules: DEFAULT_RISK_RULES })` is a valid file to start from). The file replaces
 * the defaults. Every pattern is compiled here, so a bad one fails at load time, not at triage;
 * errors are `ParseError`s naming the file, the rule's index and the field
 * (`rules.3.employerPatterns.0`).
 */
export function parseRiskRules(json: unknown, file: string): RiskRule[] {
  if (!isPlainObject(json)) {
    throw new ParseError({ file }, 'a risk rules file must be a JSON object with a "rules" array');
  }
  for (const key of Object.keys(json)) {
    if (key !== 'rules') throw new ParseError({ file, field: key }, `unknown field '${key}'`);
  }
  if (!Array.isArray(json.rules)) {
    throw new ParseError({ file, field: 'rules' }, 'must be an array of rules');
  }
  const rules = json.rules.map((value, index) => parseRule(value, file, index));
  const seen = new Set<string>();
  rules.forEach((rule, index) => {
    if (seen.has(rule.id)) {
      throw new ParseError(
        { file, field: `rules.${index}.id` },
        `rule ${index}: duplicate id '${rule.id}'`,
      );
    }
    seen.add(rule.id);
  });
  return rules;
}

function parseRule(value: unknown, file: string, index: number): RiskRule {
  const fail = (field: string | null, problem: string): never => {
    const path = field === null ? `rules.${index}` : `rules.${index}.${field}`;
    throw new ParseError({ file, field: path }, `rule ${index}: ${problem}`);
  };
  if (!isPlainObject(value)) return fail(null, 'must be an object');
  for (const key of Object.keys(value)) {
    if (!(RULE_FIELDS as readonly string[]).includes(key)) fail(key, `unknown field '${key}'`);
  }
  const { id, category, description } = value;
  if (typeof id !== 'string' || !RULE_ID.test(id)) {
    fail('id', 'must be a snake_case id (a-z, 0-9, _), starting with a letter');
  }
  if (typeof category !== 'string' || !(RISK_CATEGORIES as readonly string[]).includes(category)) {
    fail('category', `must be one of ${RISK_CATEGORIES.join(', ')}`);
  }
  if (typeof description !== 'string' || description.trim() === '') {
    fail('description', 'must be a non-empty text (it is shown to the analyst)');
  }
  const designated = value.designatedEmployer;
  if (designated !== undefined && typeof designated !== 'boolean') {
    fail('designatedEmployer', 'must be true or false');
  }
  const employerPatterns = parsePatterns(value.employerPatterns, 'employerPatterns', fail);
  const positionPatterns = parsePatterns(value.positionPatterns, 'positionPatterns', fail);
  if (designated !== true && employerPatterns === undefined && positionPatterns === undefined) {
    fail(null, 'looks for nothing: give employerPatterns, positionPatterns or designatedEmployer');
  }
  return {
    id: id as string,
    category: category as RiskCategory,
    description: (description as string).trim(),
    ...(employerPatterns === undefined ? {} : { employerPatterns }),
    ...(positionPatterns === undefined ? {} : { positionPatterns }),
    ...(designated === undefined ? {} : { designatedEmployer: designated as boolean }),
  };
}

function parsePatterns(
  value: unknown,
  field: string,
  fail: (field: string, problem: string) => never,
): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0) {
    return fail(field, 'must be a non-empty array of patterns');
  }
  return value.map((pattern, index) => {
    if (typeof pattern !== 'string') return fail(`${field}.${index}`, 'must be a text');
    try {
      compilePattern(pattern);
    } catch (error) {
      if (error instanceof ValidationError) return fail(`${field}.${index}`, error.message);
      throw error;
    }
    return pattern.trim();
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
