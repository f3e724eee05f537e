import { describe, expect, it } from 'vitest';
import { e } from '../../model/testing.js';
import { sargasV1 } from '../algorithms/sargas-v1.js';
import { prepareEntity } from '../prepare.js';
import { type CandidateScore, QueryScorer } from '../score.js';
import type { PreparedRecord } from '../types.js';

function summary(scorer: QueryScorer, scored: CandidateScore) {
  return { raw: scored.raw, score: scored.score, explanation: scorer.explain(scored) };
}

const LIST = [
  { name: ['LUKASHENKO, Alexander Grigoryevich', 'Aliaksandr Ryhoravich LUKASHENKA'] },
  { name: 'Viktor Fedorovych YANUKOVYCH', birthDate: '1950-07-09' },
  { name: 'Sergei Viktorovich LAVROV', alias: 'SergeiLavrov' },
  { name: 'Petr V. Sidorov' },
  { name: 'George Habbash' },
];

describe('QueryAligner', () => {
  it('finds names of records prepared after the query was (the scorer looks its ids up again)', () => {
    // Names no other test uses: nothing in the process knows them when the scorer is built.
    const scorer = new QueryScorer(
      prepareEntity(e('Person', { name: 'Qwyzandr Vrolmiquist' }), true),
      sargasV1,
    );
    const candidate = prepareEntity(e('Person', { name: 'VROLMIQUIST Qwyzandr' }));
    const scored = scorer.score(candidate);
    expect(scored.main?.name).toBe('name_literal_match');
    const literal = scorer
      .fired(scored)
      .find(({ feature }) => feature.name === 'name_literal_match');
    expect(literal?.result.score).toBe(1);
  });

  it('scores a record prepared as a query like the same record prepared as a list entry', () => {
    const query = prepareEntity(e('Person', { name: 'Aliaksandr Lukašenka' }), true);
    for (const properties of LIST) {
      const asList = prepareEntity(e('Person', properties, 'c'));
      const asQuery = prepareEntity(e('Person', properties, 'c'), true);
      expect(asQuery.layoutInts).toBeNull();
      const first = new QueryScorer(query, sargasV1);
      const second = new QueryScorer(query, sargasV1);
      expect(summary(second, second.score(asQuery))).toEqual(summary(first, first.score(asList)));
    }
  });

  it('gives the same scores and explanations when scorers for different queries interleave', () => {
    const candidates: PreparedRecord[] = LIST.map((properties) =>
      prepareEntity(e('Person', properties)),
    );
    const queries = ['Alexander Lukashenko', 'V. Yanukovich', 'Sergey Lavrov', 'George Bush'].map(
      (name) => prepareEntity(e('Person', { name, birthDate: '1950-07-09' }), true),
    );
    const alone = queries.map((query) => {
      const scorer = new QueryScorer(query, sargasV1);
      return candidates.map((candidate) => summary(scorer, scorer.score(candidate)));
    });
    const scorers = queries.map((query) => new QueryScorer(query, sargasV1));
    const scored = scorers.map(() => [] as CandidateScore[]);
    for (const [c, candidate] of candidates.entries()) {
      for (const [q, scorer] of scorers.entries()) scored[q]![c] = scorer.score(candidate);
    }
    const interleaved = scorers.map((scorer, q) =>
      scored[q]!.map((result) => summary(scorer, result)),
    );
    expect(interleaved).toEqual(alone);
    expect(alone[0]![0]!.score).toBeGreaterThan(0.7);
    expect(alone[1]![1]!.explanation.name_tokens.some((pair) => pair.how === 'initial')).toBe(true);
  });
});
