import { describe, expect, it } from 'vitest';
import type { CompiledWatch } from '../../src/match/compile';
import { createMatchContext } from '../../src/match/context';
import { parseQuery } from '../../src/match/query';
import { planWatches } from '../../src/match/watch-plan';
import { fixtureAliasGroups, fixturePlaces } from './fixtures/world';

const ctx = createMatchContext({ places: fixturePlaces, aliasGroups: fixtureAliasGroups });

/** Watches over made-up slots: each query's terms get the slots given, in term order. */
function watches(rows: readonly (readonly [string, readonly number[]])[]): CompiledWatch[] {
  return rows.map(([text, slots], id) => {
    const q = parseQuery(text, ctx);
    if (!q.ok) throw new Error(q.error);
    expect(q.value.terms.length, text).toBe(slots.length);
    return { id, query: q.value, slots };
  });
}

/** Evaluated watches (as watch indices) using slot s, in the order of the users array. */
const usersOf = (plan: ReturnType<typeof planWatches>, s: number): number[] => {
  const out: number[] = [];
  for (let k = plan.userStart[s]!; k < plan.userStart[s + 1]!; k += 2) out.push(plan.evaluated[plan.users[k]!]!);
  return out;
};

describe('planWatches', () => {
  // Slot 0 is a rare word, slot 1 a popular one (four evaluated users), slots 2-5 others.
  const plan = planWatches(
    watches([
      ['rare OR other', [0, 2]],
      ['alone', [3]],
      ['popular rare', [1, 0]],
      ['x OR popular', [4, 1]],
      ['alone', [3]],
      ['popular -y', [1, 5]],
      ['z OR popular', [2, 1]],
    ]),
    6,
  );

  it('numbers the evaluated watches once each, the users of the most used slot first and in a run', () => {
    expect([...plan.evaluated]).toEqual([2, 3, 5, 6, 0]);
    expect(usersOf(plan, 1)).toEqual([2, 3, 5, 6]);
    expect(usersOf(plan, 0)).toEqual([2, 0]);
  });

  it('groups single-term watches by slot and spelling, in watch order, and keeps them out of evaluation', () => {
    expect([...plan.groupStart]).toEqual([0, 0, 0, 0, 1, 1, 1]);
    expect([...plan.groupWatches.subarray(plan.watchStart[0]!, plan.watchStart[1]!)]).toEqual([1, 4]);
    expect(plan.idRaw[plan.groupEvidence[0]!]).toBe('alone');
    expect(plan.evaluated).not.toContain(1);
  });

  it('gives each (slot, term as written) one evidence id, with its term and slot', () => {
    const popular = plan.termId(0, 0);
    expect(plan.termId(1, 1)).toBe(popular);
    expect([plan.idRaw[popular], plan.idSlot[popular]]).toEqual(['popular', 1]);
    expect(plan.idRaw[plan.termId(4, 1)]).toBe('other');
  });

  it('gives a slot written two ways two evidence ids', () => {
    const two = planWatches(
      watches([
        ['Hasakah OR a', [0, 1]],
        ['الحسكة OR b', [0, 2]],
      ]),
      3,
    );
    const ids = [two.termId(0, 0), two.termId(1, 0)];
    expect(ids[0]).not.toBe(ids[1]);
    expect(ids.map((id) => [two.idRaw[id], two.idSlot[id]])).toEqual([
      ['Hasakah', 0],
      ['الحسكة', 0],
    ]);
  });
});
