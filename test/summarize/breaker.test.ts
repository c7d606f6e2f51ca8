import { describe, expect, it } from 'vitest';
import { type BreakerState, breakerAllows, breakerRecord, CLOSED } from '../../src/summarize/providers/breaker';
import { capAllows, HOUR_MS } from '../../src/summarize/providers/hourly-cap';

const o = { failures: 3, cooldownMs: 60_000 };

describe('circuit breaker (fixed clock)', () => {
  // Each step: at time t, ask; if allowed, record the outcome. Expect the decision and the state after.
  type Step = { t: number; outcome: boolean; allow: boolean; after: BreakerState['kind'] };
  const table: { name: string; steps: Step[] }[] = [
    {
      name: 'opens after 3 failures in a row, refuses while open',
      steps: [
        { t: 0, outcome: false, allow: true, after: 'closed' },
        { t: 1, outcome: false, allow: true, after: 'closed' },
        { t: 2, outcome: false, allow: true, after: 'open' },
        { t: 3, outcome: true, allow: false, after: 'open' },
        { t: 59_000, outcome: true, allow: false, after: 'open' },
      ],
    },
    {
      name: 'a success resets the count',
      steps: [
        { t: 0, outcome: false, allow: true, after: 'closed' },
        { t: 1, outcome: false, allow: true, after: 'closed' },
        { t: 2, outcome: true, allow: true, after: 'closed' },
        { t: 3, outcome: false, allow: true, after: 'closed' },
      ],
    },
    {
      name: 'half-open after the cooldown: a good probe closes it',
      steps: [
        { t: 0, outcome: false, allow: true, after: 'closed' },
        { t: 0, outcome: false, allow: true, after: 'closed' },
        { t: 0, outcome: false, allow: true, after: 'open' },
        { t: 60_000, outcome: true, allow: true, after: 'closed' },
        { t: 60_001, outcome: true, allow: true, after: 'closed' },
      ],
    },
    {
      name: 'half-open: a failed probe opens it again for a new cooldown',
      steps: [
        { t: 0, outcome: false, allow: true, after: 'closed' },
        { t: 0, outcome: false, allow: true, after: 'closed' },
        { t: 0, outcome: false, allow: true, after: 'open' },
        { t: 60_000, outcome: false, allow: true, after: 'open' },
        { t: 100_000, outcome: true, allow: false, after: 'open' },
        { t: 120_000, outcome: true, allow: true, after: 'closed' },
      ],
    },
  ];
  it.each(table)('$name', ({ steps }) => {
    let s: BreakerState = CLOSED;
    for (const step of steps) {
      const gate = breakerAllows(s, step.t, o);
      expect(gate.allow, `allow at t=${step.t}`).toBe(step.allow);
      s = gate.state;
      if (gate.allow) s = breakerRecord(s, step.outcome, step.t, o);
      expect(s.kind, `state at t=${step.t}`).toBe(step.after);
    }
  });

  it('half-open lets exactly one probe through', () => {
    const open: BreakerState = { kind: 'open', since: 0 };
    const first = breakerAllows(open, 60_000, o);
    expect(first.allow).toBe(true);
    expect(breakerAllows(first.state, 60_001, o).allow).toBe(false);
  });
});

describe('hourly cap', () => {
  it.each([
    { calls: [], now: 0, max: 2, allow: true, kept: 0 },
    { calls: [0, 1], now: 2, max: 2, allow: false, kept: 2 },
    { calls: [0, 1], now: HOUR_MS, max: 2, allow: true, kept: 1 },
    { calls: [0, 1], now: HOUR_MS + 1, max: 2, allow: true, kept: 0 },
    { calls: [5], now: 10, max: 0, allow: false, kept: 1 },
  ])('$calls at $now (max $max) → $allow', ({ calls, now, max, allow, kept }) => {
    const r = capAllows(calls, now, max);
    expect(r.allow).toBe(allow);
    expect(r.calls).toHaveLength(kept);
  });
});
