/**
 * Automated triage of one applicant: screening of the person's names and declared employers
 * against the sanctions lists and the service watchlist, risk indicators from the declared
 * employment, and the routing that follows. Triage is never the final word: anything it finds
 * sends the case to an analyst, and a clean result is only a `no_objection` proposal that a
 * supervisor still signs off. Pure given its context (no clock, no I/O): the same input and
 * indexes give the same result, which is what makes a triage re-run auditable.
 */

import type { Explanation } from '../../matching/score.js';
import { Entity } from '../../model/entity.js';
import {
  DEFAULT_DATASET,
  type MatchService,
  type ScoredEntity,
} from '../../screening/match-service.js';
import type { JsonValue } from '../../shared/canonical-json.js';
import type { Applicant, RiskIndicator, Routing, TriageHit, TriageResult } from '../types.js';
import { qaSampled } from './qa-sample.js';
import { evaluateRiskRules, type RiskRule } from './risk-rules.js';

export interface TriageContext {
  /** The current sanctions lists (screened through their `default` dataset). */
  readonly sanctions: MatchService;
  /** The service watchlist (`buildWatchlistIndex`). */
  readonly watchlist: MatchService;
  /** The list versions and watchlist revision the indexes hold (`eu@12`, `watchlist@5`). */
  readonly screenedAgainst: readonly string[];
  readonly rules: readonly RiskRule[];
  /** Share of clean cases drawn for the QA sample, 0..1. */
  readonly qaSampleRate: number;
  /** Match threshold; the matching algorithm's calibrated one when omitted. */
  readonly threshold?: number;
}

export interface TriageInput {
  readonly caseId: string;
  readonly applicant: Applicant;
  readonly at: string;
}

/**
 * Results asked of the matcher per query. The matcher scores a candidate window ten times this
 * size, so it is kept small; a query with more matches than this is asked again for all of them.
 */
const RESULTS_PER_QUERY = 10;
const MAX_RESULTS_PER_QUERY = 500;
/**
 * Near misses kept as context for the analyst (they never flag): at most this many per query,
 * scoring at least `CONTEXT_FLOOR`. They show what the person was *not* matched with, and why.
 */
const CONTEXT_PER_QUERY = 3;
const CONTEXT_FLOOR = 0.5;

export function triageApplicant(input: TriageInput, context: TriageContext): TriageResult {
  const { applicant } = input;
  const hits = [
    ...screenApplicant(applicant, context),
    ...applicant.employment.flatMap((job, index) =>
      screenEmployer(job.employer, job.country, index, context),
    ),
  ];
  const indicators = evaluateRiskRules(
    applicant.employment,
    hits.filter((hit) => hit.subject === 'employer'),
    context.rules,
  );
  const sampled = qaSampled(input.caseId, context.qaSampleRate);
  const routing = routeOf(hits, indicators, sampled);
  return {
    at: input.at,
    screenedAgainst: [...context.screenedAgainst],
    hits,
    indicators,
    routing,
    reasons: reasonsFor(applicant, hits, indicators, routing, context.qaSampleRate),
  };
}

function routeOf(
  hits: readonly TriageHit[],
  indicators: readonly RiskIndicator[],
  sampled: boolean,
): Routing {
  if (hits.some((hit) => hit.match) || indicators.length > 0) return 'flagged';
  return sampled ? 'qa_sample' : 'clean';
}

/**
 * Every name is screened on its own (a name in the passport's Latin spelling and one in Cyrillic
 * may each find what the other does not), with the birth date, citizenship and passport number.
 * Citizenship goes in as nationality, which the matcher uses only to qualify a name match: it
 * never creates one.
 */
function screenApplicant(applicant: Applicant, context: TriageContext): TriageHit[] {
  const found = new HitSet();
  applicant.names.forEach((name, index) => {
    const query = Entity.create({
      id: `applicant-name-${index}`,
      schema: 'Person',
      properties: {
        name: [name],
        birthDate: applicant.birthDate === null ? [] : [applicant.birthDate],
        nationality: applicant.citizenship,
        passportNumber: applicant.passportNumber === null ? [] : [applicant.passportNumber],
      },
      datasets: ['query'],
      source: { file: 'triage' },
    });
    found.addAll(screenBoth(query, context), 'applicant', null);
  });
  return found.sorted();
}

function screenEmployer(
  employer: string,
  country: string | null,
  index: number,
  context: TriageContext,
): TriageHit[] {
  const query = Entity.create({
    id: `employer-${index}`,
    schema: 'Organization',
    properties: { name: [employer], country: country === null ? [] : [country] },
    datasets: ['query'],
    source: { file: 'triage' },
  });
  const found = new HitSet();
  found.addAll(screenBoth(query, context), 'employer', index);
  return found.sorted();
}

interface SourcedResult {
  readonly source: TriageHit['source'];
  readonly result: ScoredEntity;
}

function screenBoth(query: Entity, context: TriageContext): SourcedResult[] {
  const out: SourcedResult[] = [];
  for (const [source, service] of [
    ['sanctions', context.sanctions],
    ['watchlist', context.watchlist],
  ] as const) {
    for (const result of keptResults(allMatches(service, query, context.threshold))) {
      out.push({ source, result });
    }
  }
  return out;
}

/** The best results, including every match even for a name shared by many listed people. */
function allMatches(
  service: MatchService,
  query: Entity,
  threshold: number | undefined,
): readonly ScoredEntity[] {
  const ask = (limit: number) =>
    service.match(DEFAULT_DATASET, query, {
      limit,
      ...(threshold === undefined ? {} : { threshold }),
    });
  // A wider window can find matches a narrower one did not see, so ask until all are returned.
  let limit = RESULTS_PER_QUERY;
  for (;;) {
    const outcome = ask(limit);
    const returned = outcome.results.filter((result) => result.match).length;
    if (outcome.matches <= returned || limit >= MAX_RESULTS_PER_QUERY) return outcome.results;
    limit = Math.min(MAX_RESULTS_PER_QUERY, outcome.matches + CONTEXT_PER_QUERY);
  }
}

/** Every match, plus the best few near misses as context. */
function keptResults(results: readonly ScoredEntity[]): ScoredEntity[] {
  const matches = results.filter((result) => result.match);
  const nearMisses = results
    .filter((result) => !result.match && result.score >= CONTEXT_FLOOR)
    .slice(0, CONTEXT_PER_QUERY);
  return [...matches, ...nearMisses];
}

/** Hits of one subject, one per list entity: the best-scoring query wins. */
class HitSet {
  private readonly byEntity = new Map<string, TriageHit>();

  addAll(
    results: readonly SourcedResult[],
    subject: TriageHit['subject'],
    employmentIndex: number | null,
  ): void {
    for (const { source, result } of results) {
      const hit = toHit(result, source, subject, employmentIndex);
      const key = `${source}\u0000${hit.entityId}`;
      const existing = this.byEntity.get(key);
      if (existing === undefined || hit.score > existing.score) this.byEntity.set(key, hit);
    }
  }

  /** Matches first, then by score; ties in entity id order so the result is stable. */
  sorted(): TriageHit[] {
    return [...this.byEntity.values()].sort(
      (a, b) =>
        Number(b.match) - Number(a.match) ||
        b.score - a.score ||
        (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0),
    );
  }
}

function toHit(
  result: ScoredEntity,
  source: TriageHit['source'],
  subject: TriageHit['subject'],
  employmentIndex: number | null,
): TriageHit {
  return {
    subject,
    employmentIndex,
    source,
    entityId: result.entity.id,
    list: result.entity.datasets[0] ?? source,
    caption: result.entity.caption,
    score: result.score,
    match: result.match,
    explanation: explanationJson(result.explanation),
  };
}

/** The matcher's explanation as stored JSON (optional fields left out rather than undefined). */
export function explanationJson(explanation: Explanation): JsonValue {
  return {
    algorithm: explanation.algorithm,
    raw_score: explanation.raw_score,
    threshold: explanation.threshold,
    query_name: explanation.query_name,
    matched_name: explanation.matched_name,
    name_tokens: explanation.name_tokens.map((pair) => ({
      query: pair.query,
      candidate: pair.candidate,
      similarity: pair.similarity,
      how: pair.how,
    })),
    features: explanation.features.map((feature) => ({
      name: feature.name,
      kind: feature.kind,
      score: feature.score,
      weight: feature.weight,
      contribution: feature.contribution,
      ...(feature.detail === undefined ? {} : { detail: feature.detail }),
      ...(feature.query === undefined ? {} : { query: feature.query }),
      ...(feature.candidate === undefined ? {} : { candidate: feature.candidate }),
    })),
  };
}

/** Why the case went where it went: list matches, then indicators, then the routing itself. */
function reasonsFor(
  applicant: Applicant,
  hits: readonly TriageHit[],
  indicators: readonly RiskIndicator[],
  routing: Routing,
  qaSampleRate: number,
): string[] {
  const reasons = hits.filter((hit) => hit.match).map((hit) => matchReason(applicant, hit));
  for (const indicator of indicators) reasons.push(indicator.explanation);
  if (routing === 'qa_sample') {
    reasons.push(
      'No list match and no risk indicator; drawn for the quality-assurance sample ' +
        `(${formatRate(qaSampleRate)} of clean cases), so an analyst reviews it.`,
    );
  } else if (routing === 'clean') {
    reasons.push(
      'No list match and no risk indicator: proposed no_objection, pending a supervisor sign-off.',
    );
  }
  return reasons;
}

function matchReason(applicant: Applicant, hit: TriageHit): string {
  const where = hit.source === 'watchlist' ? 'the service watchlist' : `the ${hit.list} list`;
  const target = `'${hit.caption}' (${hit.entityId}) on ${where}, score ${hit.score}`;
  if (hit.subject === 'applicant') return `The applicant's name matches ${target}.`;
  const index = hit.employmentIndex ?? 0;
  const employer = applicant.employment[index]?.employer ?? '';
  return (
    `The employer of employment ${index + 1} of ${applicant.employment.length} ` +
    `('${employer}') matches ${target}.`
  );
}

function formatRate(rate: number): string {
  return `${Math.round(rate * 10_000) / 100}%`;
}
