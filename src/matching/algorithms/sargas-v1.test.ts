import { describe, expect, it } from 'vitest';
import { e } from '../../model/testing.js';
import { QueryAligner } from '../names/align.js';
import { KeySimilarityCache, tokenSimilarityConfig } from '../names/token-similarity.js';
import { prepareEntity } from '../prepare.js';
import { QueryScorer } from '../score.js';
import type { CompareContext } from '../types.js';
import { SARGAS_V1_CASES } from './sargas-v1.cases.js';
import { sargasV1 } from './sargas-v1.js';

function score(
  schema: Parameters<typeof e>[0],
  query: Parameters<typeof e>[1],
  result: Parameters<typeof e>[1],
) {
  const scorer = new QueryScorer(prepareEntity(e(schema, query), true), sargasV1);
  const scored = scorer.score(prepareEntity(e(schema, result)));
  return { ...scored, fired: scorer.fired(scored) };
}

describe('sargas-v1 declaration', () => {
  it('gives every feature a unique snake_case name and a description', () => {
    const names = sargasV1.features.map(([feature]) => feature.name);
    expect(new Set(names).size).toBe(names.length);
    for (const [feature] of sargasV1.features) {
      expect(feature.name).toMatch(/^[a-z]+(?:_[a-z0-9]+)*$/u);
      expect(feature.description.length).toBeGreaterThan(20);
    }
  });

  it('gives main features a positive weight and qualifiers a weight whose sign fits their name', () => {
    for (const [feature, weight] of sargasV1.features) {
      if (feature.kind === 'main') {
        expect(weight, feature.name).toBeGreaterThan(0);
        expect(weight, feature.name).toBeLessThanOrEqual(1);
      } else if (/_(mismatch|off_by_one|conflict)$/u.test(feature.name)) {
        expect(weight, feature.name).toBeLessThan(0);
      } else {
        expect(weight, feature.name).toBeGreaterThan(0);
      }
    }
  });

  it('describes every config variable and has a calibration naming its command', () => {
    for (const variable of Object.values(sargasV1.config)) {
      expect(variable.description.length).toBeGreaterThan(10);
    }
    expect(sargasV1.calibration.command).toMatch(/eval/u);
    expect(sargasV1.calibration.threshold).toBeGreaterThan(0);
    expect(sargasV1.calibration.threshold).toBeLessThan(1);
  });
});

describe('sargas-v1 firesFor', () => {
  it('holds: a feature that declares it cannot fire for a query never fires for it', () => {
    // Every query of the behaviour table against every list entry of it, with and without the
    // qualifying details, so that each declaration is tried both ways.
    const queries = SARGAS_V1_CASES.flatMap((row) => [
      prepareEntity(e(row.schema, row.query), true),
      prepareEntity(e(row.schema, { name: row.query.name ?? 'Ivan Petrov' }), true),
    ]);
    const candidates = SARGAS_V1_CASES.map((row) => prepareEntity(e(row.schema, row.result)));
    let skipped = 0;
    for (const query of queries) {
      const aligner = new QueryAligner(query, new KeySimilarityCache(tokenSimilarityConfig({})));
      for (const candidate of candidates) {
        const context: CompareContext = { config: {}, alignment: () => aligner.align(candidate) };
        for (const [feature] of sargasV1.features) {
          if (feature.firesFor === undefined || feature.firesFor(query)) continue;
          skipped++;
          expect(feature.compare(query, candidate, context).score, feature.name).toBe(0);
        }
      }
    }
    expect(skipped).toBeGreaterThan(1000);
  });
});

describe('sargas-v1 feature values', () => {
  it("equal each feature's result score, for every query and list entry of the table", () => {
    // The table and a few people for the qualifiers it has no row for.
    const people = [
      { name: 'Ivan Petrov', birthDate: '1970-03-04', nationality: 'ru', gender: 'male' },
      { name: 'Ivan Petrov', birthDate: '1970-04-03', nationality: 'ua', gender: 'female' },
      { name: 'Ivan Petrov', birthDate: '1971', nationality: 'ru' },
    ];
    const queries = [
      ...SARGAS_V1_CASES.map((row) => prepareEntity(e(row.schema, row.query), true)),
      ...people.map((person) => prepareEntity(e('Person', person), true)),
    ];
    const candidates = [
      ...SARGAS_V1_CASES.map((row) => prepareEntity(e(row.schema, row.result))),
      ...people.map((person) => prepareEntity(e('Person', person))),
    ];
    const fired = new Set<string>();
    for (const query of queries) {
      const aligner = new QueryAligner(query, new KeySimilarityCache(tokenSimilarityConfig({})));
      for (const candidate of candidates) {
        const context: CompareContext = { config: {}, alignment: () => aligner.align(candidate) };
        for (const [feature] of sargasV1.features) {
          const score = feature.compare(query, candidate, context).score;
          if (score > 0) fired.add(feature.name);
          expect(feature.value?.(query, candidate, context) ?? score, feature.name).toBe(score);
        }
      }
    }
    // Each feature that has a value of its own was seen firing, so both paths were compared.
    for (const [feature] of sargasV1.features) {
      if (feature.value !== undefined) expect(fired, feature.name).toContain(feature.name);
    }
  });
});

describe('sargas-v1 behaviour table', () => {
  it.each(SARGAS_V1_CASES)('$why', (row) => {
    const result = score(row.schema, row.query, row.result);
    expect(result.match, `score ${result.score.toFixed(3)}`).toBe(row.matches);
  });
});

describe('sargas-v1 qualifiers', () => {
  it('never creates a match from nationality alone: the score is 0', () => {
    const result = score(
      'Person',
      { name: 'Ivan Petrov', nationality: 'ru' },
      { name: 'John Smith', nationality: 'ru' },
    );
    expect(result.score).toBe(0);
    expect(result.fired.map((fired) => fired.feature.name)).not.toContain('country_match');
  });

  it('lowers the score when birth dates disagree', () => {
    const same = score(
      'Person',
      { name: 'Sergey Kislyak', birthDate: '1950-09-07' },
      { name: 'Sergei KISLYAK', birthDate: '1950-09-07' },
    );
    const none = score(
      'Person',
      { name: 'Sergey Kislyak' },
      { name: 'Sergei KISLYAK', birthDate: '1950-09-07' },
    );
    const other = score(
      'Person',
      { name: 'Sergey Kislyak', birthDate: '1975-01-01' },
      { name: 'Sergei KISLYAK', birthDate: '1950-09-07' },
    );
    expect(same.score).toBeGreaterThanOrEqual(none.score);
    expect(other.score).toBeLessThan(none.score);
    expect(other.fired.map((fired) => fired.feature.name)).toContain('dob_mismatch');
  });

  it('matches on a shared passport number alone', () => {
    const result = score(
      'Person',
      { name: 'Ivan Ivanov', passportNumber: 'AB 1234567' },
      { name: 'Petr Sidorov', passportNumber: 'ab1234567' },
    );
    expect(result.main?.name).toBe('identifier_match');
  });

  it('explains a result: features, weights, and which names aligned', () => {
    const scorer = new QueryScorer(
      prepareEntity(e('Person', { name: 'Aliaksandr Lukašenka' }), true),
      sargasV1,
    );
    const result = scorer.score(
      prepareEntity(e('Person', { name: ['Sasha', 'LUKASHENKO, Alexander Grigoryevich'] })),
    );
    const explanation = scorer.explain(result);
    expect(explanation.query_name).toBe('Aliaksandr Lukašenka');
    expect(explanation.matched_name).toBe('LUKASHENKO, Alexander Grigoryevich');
    expect(explanation.name_tokens.length).toBe(2);
    expect(explanation.features[0]).toMatchObject({ kind: 'main' });
    expect(explanation.features[0]?.detail).toContain('Lukašenka');
  });

  it('rejects unknown per-request weights and config, naming them', () => {
    const query = prepareEntity(e('Person', { name: 'A B' }), true);
    expect(() => new QueryScorer(query, sargasV1, { weights: { nope: 1 } })).toThrow(/nope/u);
    expect(() => new QueryScorer(query, sargasV1, { config: { nada: 1 } })).toThrow(/nada/u);
  });
});
