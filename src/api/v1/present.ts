/**
 * Domain objects → `/api/v1` JSON (snake_case). Each presenter names every field it sends, so a
 * field added to a domain type never reaches a client until someone adds it here and to the schema.
 */

import type { CaseDetail } from '../../vetting/service.js';
import type { StatisticsReport } from '../../vetting/statistics.js';
import type {
  AuditEntry,
  AuditVerification,
  CaseEvent,
  CaseEvidence,
  CaseNote,
  User,
  VettingCase,
  WatchlistEntry,
} from '../../vetting/types.js';

export function presentUser(user: User) {
  return {
    id: user.id,
    username: user.username,
    roles: [...user.roles],
    agency: user.agency,
    active: user.active,
    created_at: user.createdAt,
  };
}

export function presentCaseSummary(vettingCase: VettingCase, overdue: boolean) {
  return {
    id: vettingCase.id,
    external_id: vettingCase.externalId,
    agency: vettingCase.agency,
    permit_type: vettingCase.permitType,
    status: vettingCase.status,
    submitted_at: vettingCase.submittedAt,
    deadline: vettingCase.deadline,
    overdue,
    routing: vettingCase.triage?.routing ?? null,
    assignee_user_id: vettingCase.assigneeUserId,
    assignee: vettingCase.assignee,
    conclusion: vettingCase.conclusion,
    concluded_at: vettingCase.concludedAt,
    delivered_at: vettingCase.deliveredAt,
    revision: vettingCase.revision,
  };
}

export function presentNote(note: CaseNote) {
  return { id: note.id, author: note.author, at: note.at, text: note.text };
}

export function presentEvidence(evidence: CaseEvidence) {
  return {
    id: evidence.id,
    added_by: evidence.addedBy,
    at: evidence.at,
    title: evidence.title,
    content: evidence.content,
    classification: evidence.classification,
  };
}

function presentEvent(event: CaseEvent) {
  return {
    id: event.id,
    at: event.at,
    actor: event.actor,
    kind: event.kind,
    from_status: event.fromStatus,
    to_status: event.toStatus,
    details: event.details,
  };
}

export function presentCaseDetail(detail: CaseDetail) {
  const vettingCase = detail.case;
  const { applicant, triage, proposal, approval } = vettingCase;
  return {
    ...presentCaseSummary(vettingCase, detail.overdue),
    submitted_by: vettingCase.submittedBy,
    applicant: {
      names: [...applicant.names],
      birth_date: applicant.birthDate,
      citizenship: [...applicant.citizenship],
      passport_number: applicant.passportNumber,
      employment: applicant.employment.map((job) => ({
        employer: job.employer,
        position: job.position,
        country: job.country,
        from: job.from,
        to: job.to,
      })),
    },
    triage:
      triage === null
        ? null
        : {
            at: triage.at,
            screened_against: [...triage.screenedAgainst],
            hits: triage.hits.map((hit) => ({
              subject: hit.subject,
              employment_index: hit.employmentIndex,
              source: hit.source,
              entity_id: hit.entityId,
              list: hit.list,
              caption: hit.caption,
              score: hit.score,
              match: hit.match,
              explanation: hit.explanation,
            })),
            indicators: triage.indicators.map((indicator) => ({
              rule_id: indicator.ruleId,
              category: indicator.category,
              employment_index: indicator.employmentIndex,
              explanation: indicator.explanation,
              evidence: indicator.evidence,
            })),
            routing: triage.routing,
            reasons: [...triage.reasons],
          },
    proposal:
      proposal === null
        ? null
        : {
            conclusion: proposal.conclusion,
            reasoning: proposal.reasoning,
            proposed_by: proposal.proposedBy,
            proposed_at: proposal.proposedAt,
          },
    approval:
      approval === null
        ? null
        : {
            decision: approval.decision,
            comment: approval.comment,
            decided_by: approval.decidedBy,
            decided_at: approval.decidedAt,
          },
    timeline: detail.timeline.map(presentEvent),
    notes: detail.notes.map(presentNote),
    evidence: detail.evidence.map(presentEvidence),
  };
}

export function presentWatchlistEntry(entry: WatchlistEntry) {
  return {
    id: entry.id,
    schema: entry.schema,
    names: [...entry.names],
    birth_date: entry.birthDate,
    countries: [...entry.countries],
    reason: entry.reason,
    classification: entry.classification,
    created_by: entry.createdBy,
    created_at: entry.createdAt,
    updated_at: entry.updatedAt,
  };
}

export function presentAuditVerification(verification: AuditVerification) {
  return {
    ok: verification.ok,
    entries: verification.entries,
    first_bad:
      verification.firstBad === null
        ? null
        : { seq: verification.firstBad.seq, reason: verification.firstBad.reason },
  };
}

export function presentAuditEntry(entry: AuditEntry) {
  return {
    seq: entry.seq,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    object_type: entry.objectType,
    object_id: entry.objectId,
    details: entry.details,
    prev_hash: entry.prevHash,
    hash: entry.hash,
  };
}

export function presentStatistics(report: StatisticsReport) {
  const breakdown = <K extends 'citizenship' | 'category'>(
    key: K,
    rows: readonly ({ readonly [P in K]: string } & {
      readonly assessments: number;
      readonly threats: number;
      readonly shareOfThreats: number;
    })[],
  ) =>
    rows.map((row) => ({
      [key]: row[key],
      assessments: row.assessments,
      threats: row.threats,
      share_of_threats: row.shareOfThreats,
    }));
  return {
    year: report.year,
    generated_at: report.generatedAt,
    assessments: report.assessments,
    concluded: report.concluded,
    threats: report.threats,
    no_objections: report.noObjections,
    pending: report.pending,
    flagged: report.flagged,
    by_citizenship: breakdown('citizenship', report.byCitizenship),
    by_category: breakdown('category', report.byCategory),
    processing_days: {
      median: report.processingDays.median,
      p95: report.processingDays.p95,
    },
    sla_breaches: report.slaBreaches,
    sla_breach_detail: {
      concluded_late: report.slaBreachDetail.concludedLate,
      open_overdue: report.slaBreachDetail.openOverdue,
    },
    sla_cutoff: report.slaCutoff,
    monthly: report.monthly.map((month) => ({
      month: month.month,
      assessments: month.assessments,
      threats: month.threats,
    })),
  };
}
