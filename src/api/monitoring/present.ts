/** Monitoring's domain values as the API's snake_case JSON. */
import type {
  Alert as AlertValue,
  Decision as DecisionValue,
  RescreenJob,
  Subject as SubjectValue,
} from '../../screening/monitor/index.js';
import type { Alert, Decision, Job, Subject } from './schemas.js';

export function presentSubject(subject: SubjectValue): Subject {
  const { query } = subject;
  return {
    id: subject.id,
    external_id: subject.externalId,
    schema: query.schema,
    name: query.name,
    birth_date: query.birthDate ?? null,
    nationality: query.nationality ?? null,
    id_number: query.idNumber ?? null,
    created_at: subject.createdAt,
    updated_at: subject.updatedAt,
  };
}

export function presentJob(job: RescreenJob): Job {
  return {
    id: job.id,
    kind: job.kind,
    version_id: job.versionId,
    source: job.source,
    state: job.state,
    processed: job.processed,
    total: job.total,
    progress:
      job.state === 'completed' ? 1 : job.total === 0 ? 0 : Math.min(1, job.processed / job.total),
    alerts_raised: job.alertsRaised,
    alerts_closed: job.alertsClosed,
    requested_by: job.requestedBy,
    created_at: job.createdAt,
    started_at: job.startedAt,
    finished_at: job.finishedAt,
    error: job.error,
  };
}

export function presentAlert(alert: AlertValue): Alert {
  return {
    id: alert.id,
    subject_id: alert.subjectId,
    external_id: alert.externalId,
    subject_name: alert.subjectName,
    entity_id: alert.entityId,
    entity_caption: alert.entityCaption,
    source: alert.source,
    version_id: alert.versionId,
    score: alert.score,
    explanation: {
      ...alert.explanation,
      name_tokens: [...alert.explanation.name_tokens],
      features: [...alert.explanation.features],
    },
    status: alert.status,
    created_at: alert.createdAt,
    updated_at: alert.updatedAt,
  };
}

export function presentDecision(decision: DecisionValue): Decision {
  return {
    id: decision.id,
    action: decision.action,
    from_status: decision.fromStatus,
    to_status: decision.toStatus,
    actor: decision.actor,
    reason: decision.reason,
    version_id: decision.versionId,
    at: decision.at,
  };
}
