/**
 * Yearly statistics of the vetting workflow, computed from `StatisticsRow`s (no names, no
 * evidence), as the state of the cases stood when the report was generated.
 *
 * Definitions (the report's footnotes repeat them):
 * - The year's cases are those *submitted* in it (UTC); rows submitted outside it are ignored.
 * - A case is concluded when it has a conclusion and a conclusion time (approved or delivered).
 * - Citizenship: each case counts once, under its first declared citizenship (`unknown` when it
 *   declares none), so the threat shares add up to 1. A share is a count divided by the year's
 *   threat count: a statistic about the caseload, never a risk score of a nationality.
 * - Background category: the case's first risk category in `RISK_CATEGORIES` order (a designated
 *   employer outranks a position category), `none` when triage raised none. Also counted once.
 * - Processing time: days from submission to conclusion of the concluded cases, rounded to 0.01
 *   day. Percentiles use the nearest-rank definition: with the n values sorted ascending, the p-th
 *   percentile is the value at rank ceil(p/100 * n) (1-based); the median is p = 50, so for an
 *   even n it is the lower of the two middle values. Null when nothing was concluded.
 * - SLA breach: a case concluded after its deadline, or still open when its deadline had passed
 *   at the cut-off (the end of the year, or the generation time if that is earlier).
 * - Monthly: by month of submission (UTC), the assessments and the threat conclusions among them.
 */
import type { StatisticsRow } from './ports.js';
import { RISK_CATEGORIES } from './types.js';

export const NO_CATEGORY = 'none';
export const UNKNOWN_CITIZENSHIP = 'unknown';

export interface ShareRow {
  readonly assessments: number;
  readonly threats: number;
  /** `threats` / the year's threats (0 when the year has none). */
  readonly shareOfThreats: number;
}

export interface StatisticsReport {
  readonly year: number;
  readonly generatedAt: string;
  readonly assessments: number;
  readonly concluded: number;
  readonly threats: number;
  readonly noObjections: number;
  readonly pending: number;
  /** Cases triage routed to an analyst because of hits or indicators. */
  readonly flagged: number;
  /** Per citizenship (ISO code): assessments, threats and the threats' share of all threats. */
  readonly byCitizenship: readonly (ShareRow & { readonly citizenship: string })[];
  /** Per background category (risk category or `none`). */
  readonly byCategory: readonly (ShareRow & { readonly category: string })[];
  /** Processing time from submission to conclusion, in days (nearest-rank percentiles). */
  readonly processingDays: { readonly median: number | null; readonly p95: number | null };
  readonly slaBreaches: number;
  /** `slaBreaches` split: concluded after the deadline, and open past it at the cut-off. */
  readonly slaBreachDetail: { readonly concludedLate: number; readonly openOverdue: number };
  /** When open cases were judged against their deadlines. */
  readonly slaCutoff: string;
  /** Per month of submission (1..12): assessments and the threat conclusions among them. */
  readonly monthly: readonly {
    readonly month: number;
    readonly assessments: number;
    readonly threats: number;
  }[];
}

const DAY_MS = 86_400_000;

/**
 * The nearest-rank percentile of values sorted ascending: the value at rank ceil(p/100 * n),
 * 1-based (rank 1 for p = 0). Null for no values.
 */
export function nearestRank(sortedAscending: ArrayLike<number>, percent: number): number | null {
  const n = sortedAscending.length;
  if (n === 0) return null;
  if (!(percent >= 0 && percent <= 100))
    throw new RangeError(`percentile ${percent} not in 0..100`);
  const rank = Math.max(1, Math.ceil((percent / 100) * n));
  return sortedAscending[rank - 1] ?? null;
}

/** Days between two instants, rounded to 0.01 day (the precision the report shows). */
export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round(((Date.parse(toIso) - Date.parse(fromIso)) / DAY_MS) * 100) / 100;
}

const CATEGORY_RANK: ReadonlyMap<string, number> = new Map(
  RISK_CATEGORIES.map((category, index) => [category, index]),
);

/** The one category a case is counted under (see the module comment). */
export function primaryCategory(categories: readonly string[]): string {
  let best: string | null = null;
  for (const category of categories) {
    if (best === null) {
      best = category;
      continue;
    }
    const rank = CATEGORY_RANK.get(category) ?? Number.MAX_SAFE_INTEGER;
    const bestRank = CATEGORY_RANK.get(best) ?? Number.MAX_SAFE_INTEGER;
    if (rank < bestRank || (rank === bestRank && category < best)) best = category;
  }
  return best ?? NO_CATEGORY;
}

export function primaryCitizenship(citizenship: readonly string[]): string {
  return citizenship[0] ?? UNKNOWN_CITIZENSHIP;
}

interface Tally {
  assessments: number;
  threats: number;
}

function tally(map: Map<string, Tally>, key: string, threat: boolean): void {
  let entry = map.get(key);
  if (entry === undefined) {
    entry = { assessments: 0, threats: 0 };
    map.set(key, entry);
  }
  entry.assessments += 1;
  if (threat) entry.threats += 1;
}

function shares(map: ReadonlyMap<string, Tally>, totalThreats: number) {
  return [...map.entries()]
    .map(([key, entry]) => ({
      key,
      assessments: entry.assessments,
      threats: entry.threats,
      shareOfThreats: totalThreats === 0 ? 0 : entry.threats / totalThreats,
    }))
    .sort((a, b) => b.assessments - a.assessments || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** A growable Float64Array: the year's processing times, without a boxed number per case. */
class NumberBuffer {
  private data = new Float64Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length] = value;
    this.length += 1;
  }

  sorted(): Float64Array {
    return this.data.slice(0, this.length).sort();
  }
}

export async function computeStatistics(
  rows: AsyncIterable<StatisticsRow>,
  year: number,
  generatedAt: string,
): Promise<StatisticsReport> {
  if (!Number.isInteger(year) || year < 1970 || year > 9999) {
    throw new RangeError(`year ${year} is not a four-digit year`);
  }
  const yearStart = Date.UTC(year, 0, 1);
  const yearEnd = Date.UTC(year + 1, 0, 1);
  const generated = Date.parse(generatedAt);
  if (Number.isNaN(generated)) throw new RangeError(`generatedAt '${generatedAt}' is not a date`);
  const cutoff = Math.min(yearEnd, generated);

  let assessments = 0;
  let concluded = 0;
  let threats = 0;
  let noObjections = 0;
  let flagged = 0;
  let concludedLate = 0;
  let openOverdue = 0;
  const byCitizenship = new Map<string, Tally>();
  const byCategory = new Map<string, Tally>();
  const monthly = Array.from({ length: 12 }, () => ({ assessments: 0, threats: 0 }));
  const processing = new NumberBuffer();

  for await (const row of rows) {
    const submitted = Date.parse(row.submittedAt);
    if (!(submitted >= yearStart && submitted < yearEnd)) continue;
    assessments += 1;
    if (row.flagged) flagged += 1;
    const isConcluded = row.conclusion !== null && row.concludedAt !== null;
    const threat = isConcluded && row.conclusion === 'threat';
    const deadline = Date.parse(row.deadline);
    if (isConcluded) {
      concluded += 1;
      if (threat) threats += 1;
      else noObjections += 1;
      processing.push(daysBetween(row.submittedAt, row.concludedAt as string));
      if (Date.parse(row.concludedAt as string) > deadline) concludedLate += 1;
    } else if (deadline < cutoff) {
      openOverdue += 1;
    }
    tally(byCitizenship, primaryCitizenship(row.citizenship), threat);
    tally(byCategory, primaryCategory(row.categories), threat);
    const month = monthly[new Date(submitted).getUTCMonth()]!;
    month.assessments += 1;
    if (threat) month.threats += 1;
  }

  const times = processing.sorted();
  return {
    year,
    generatedAt,
    assessments,
    concluded,
    threats,
    noObjections,
    pending: assessments - concluded,
    flagged,
    byCitizenship: shares(byCitizenship, threats).map(({ key, ...rest }) => ({
      citizenship: key,
      ...rest,
    })),
    byCategory: shares(byCategory, threats).map(({ key, ...rest }) => ({
      category: key,
      ...rest,
    })),
    processingDays: { median: nearestRank(times, 50), p95: nearestRank(times, 95) },
    slaBreaches: concludedLate + openOverdue,
    slaBreachDetail: { concludedLate, openOverdue },
    slaCutoff: new Date(cutoff).toISOString(),
    monthly: monthly.map((entry, index) => ({ month: index + 1, ...entry })),
  };
}
