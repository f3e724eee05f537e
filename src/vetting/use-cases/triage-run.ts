/**
 * The triage sweep: takes the `new` cases, screens and scores each applicant (`triage/`), stores
 * the result and routes the case. A clean case gets triage's `no_objection` proposal at once
 * (a supervisor still signs it off); a flagged or QA-sampled one waits for an analyst.
 */
import { DEFAULT_DATASET, type MatchService } from '../../screening/match-service.js';
import { assertMayPropose } from '../four-eyes.js';
import type { VettingRepository } from '../ports.js';
import type { TriageRunSummary } from '../service.js';
import { buildWatchlistIndex, type TriageContext, triageApplicant } from '../triage/index.js';
import { actorRef, type Proposal, type TriageResult, type VettingCase } from '../types.js';
import { changeStatus, nowIso, TRIAGE_ACTOR, type UseCaseDeps } from './context.js';

export const DEFAULT_TRIAGE_LIMIT = 500;
/**
 * Cases per transaction. Screening runs before any write, so the audit lock (taken by the first
 * write) is held only while a batch is written, not while it is screened.
 */
const TRIAGE_BATCH = 25;

export const CLEAN_REASONING =
  'automated triage: no sanctions or watchlist hit and no risk indicator';

/** Triages up to `limit` new cases; returns how they were routed. */
export async function triagePending(
  deps: UseCaseDeps,
  limit: number = DEFAULT_TRIAGE_LIMIT,
): Promise<TriageRunSummary> {
  const summary = { triaged: 0, flagged: 0, qaSample: 0, clean: 0 };
  const sanctions = deps.screening();
  if (sanctions === null) return summary;
  const context = await triageContext(deps, sanctions);
  while (summary.triaged < limit) {
    const size = Math.min(TRIAGE_BATCH, limit - summary.triaged);
    const routed = await deps.store.transaction(async (tx) => {
      const batch = await tx.claimCases('new', size);
      const at = nowIso(deps);
      const results = batch.map((item) => ({
        item,
        result: triageApplicant({ caseId: item.id, applicant: item.applicant, at }, context),
      }));
      for (const { item, result } of results) await storeTriage(tx, item, result, at);
      return results.map(({ result }) => result.routing);
    });
    for (const routing of routed) {
      summary.triaged += 1;
      if (routing === 'flagged') summary.flagged += 1;
      else if (routing === 'qa_sample') summary.qaSample += 1;
      else summary.clean += 1;
    }
    if (routed.length < size) break;
  }
  return summary;
}

/**
 * The screening context of one run. The watchlist index is rebuilt only when the watchlist's
 * revision changed since the last run.
 */
async function triageContext(deps: UseCaseDeps, sanctions: MatchService): Promise<TriageContext> {
  const revision = await deps.store.watchlistRevision();
  let cached = deps.memory.watchlist;
  if (cached === null || cached.revision !== revision) {
    // Read at (or after) `revision`: a change racing this read only makes the next run rebuild.
    cached = { revision, index: buildWatchlistIndex(await deps.store.listWatchlist()) };
    deps.memory.watchlist = cached;
  }
  return {
    sanctions,
    watchlist: cached.index,
    screenedAgainst: [...listVersions(sanctions), `watchlist@${revision}`],
    rules: deps.config.rules,
    qaSampleRate: deps.config.qaSampleRate,
  };
}

/** `source@versionId` of each list the index was built from (its name alone when unversioned). */
function listVersions(sanctions: MatchService): string[] {
  const all = sanctions.datasets().find((dataset) => dataset.name === DEFAULT_DATASET);
  if (all === undefined) return [];
  const versioned = new Set(all.versions.map((version) => version.source));
  return [
    ...all.versions.map((version) => `${version.source}@${version.id}`),
    ...all.sources.filter((source) => !versioned.has(source)),
  ].sort();
}

async function storeTriage(
  tx: VettingRepository,
  item: VettingCase,
  result: TriageResult,
  at: string,
): Promise<void> {
  const by = actorRef(TRIAGE_ACTOR);
  const summary = {
    routing: result.routing,
    hits: result.hits.filter((hit) => hit.match).length,
    indicators: result.indicators.length,
    screenedAgainst: [...result.screenedAgainst],
  };
  const triaged = await changeStatus(tx, item, 'triaged', {
    actor: by,
    at,
    kind: 'triaged',
    patch: { triage: result },
    details: summary,
  });
  await tx.appendAudit(
    { actor: by, action: 'case.triaged', objectType: 'case', objectId: item.id, details: summary },
    at,
  );
  if (result.routing !== 'clean') return;
  assertMayPropose(TRIAGE_ACTOR, 'no_objection');
  const proposal: Proposal = {
    conclusion: 'no_objection',
    reasoning: CLEAN_REASONING,
    proposedBy: by,
    proposedByUserId: null,
    proposedAt: at,
  };
  await changeStatus(tx, triaged, 'proposed', {
    actor: by,
    at,
    kind: 'proposed',
    patch: { proposal },
    details: { conclusion: 'no_objection' },
  });
  await tx.appendAudit(
    {
      actor: by,
      action: 'case.proposed',
      objectType: 'case',
      objectId: item.id,
      details: { conclusion: 'no_objection', automated: true },
    },
    at,
  );
}
