/** Domain values → yente response shapes. */
import type { Entity } from '../../model/entity.js';
import type { ScoredEntity } from '../../screening/match-service.js';
import type { EntityResponse, ScoredEntityResponse } from './schemas.js';

function properties(entity: Entity): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, values] of Object.entries(entity.properties)) {
    if (values !== undefined && values.length > 0) out[key] = [...values];
  }
  return out;
}

export function presentEntity(entity: Entity): EntityResponse {
  return {
    id: entity.id,
    caption: entity.caption,
    schema: entity.schema,
    properties: properties(entity),
    datasets: [...entity.datasets],
    // Sargas keeps each publisher's record apart, so an entity has no merged referents.
    referents: [],
    // Everything on a sanctions list is a target, in FtM's sense.
    target: true,
  };
}

export function presentScored(result: ScoredEntity): ScoredEntityResponse {
  return {
    ...presentEntity(result.entity),
    score: result.score,
    match: result.match,
    features: { ...result.features },
    explanations: { ...result.explanations },
    explanation: {
      ...result.explanation,
      name_tokens: [...result.explanation.name_tokens],
      features: [...result.explanation.features],
    },
  };
}

/** The query as understood, echoed back as yente does. */
export function presentQuery(entity: Entity, id: string | undefined) {
  return {
    ...(id === undefined ? {} : { id }),
    schema: entity.schema,
    properties: properties(entity),
  };
}
