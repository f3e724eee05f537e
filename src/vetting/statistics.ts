/**
 * Yearly statistics of the vetting workflow, computed from `StatisticsRow`s (no names, no
 * evidence). PLACEHOLDER CONTRACT: the report helper replaces the body; the signature stays.
 */
import type { StatisticsRow } from './ports.js';

export interface StatisticsReport {
  readonly year: number;
  readonly generatedAt: string;
  readonly assessments: number;
  readonly concluded: number;
  readonly threats: number;
  readonly noObjections: number;
  readonly pending: number;
  /** Per citizenship (ISO code): assessments, threats and the threats' share of all threats. */
  readonly byCitizenship: readonly {
    readonly citizenship: string;
    readonly assessments: number;
    readonly threats: number;
    readonly shareOfThreats: number;
  }[];
  /** Per background category (risk category or `none`). */
  readonly byCategory: readonly {
    readonly category: string;
    readonly assessments: number;
    readonly threats: number;
    readonly shareOfThreats: number;
  }[];
  /** Processing time from submission to conclusion, in days. */
  readonly processingDays: { readonly median: number | null; readonly p95: number | null };
  readonly slaBreaches: number;
  /** Threat conclusions per month (1..12). */
  readonly monthly: readonly {
    readonly month: number;
    readonly assessments: number;
    readonly threats: number;
  }[];
}

export async function computeStatistics(
  _rows: AsyncIterable<StatisticsRow>,
  _year: number,
  _generatedAt: string,
): Promise<StatisticsReport> {
  throw new Error('computeStatistics: not implemented yet');
}
