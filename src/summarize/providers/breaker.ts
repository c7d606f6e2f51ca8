// Circuit breaker for a summary provider, as a pure state machine (time is a parameter):
//   closed --N failures in a row--> open --cooldown--> half-open --one probe--> closed | open
// While open, no call is made and the built-in summary is used at once; half-open lets exactly one
// call through, and its outcome decides.

export type BreakerState =
  | { readonly kind: 'closed'; readonly failures: number }
  | { readonly kind: 'open'; readonly since: number }
  | { readonly kind: 'half-open'; readonly probing: boolean };

export interface BreakerOptions {
  /** Failures in a row that open the breaker. */
  readonly failures: number;
  /** How long it stays open before one probe. */
  readonly cooldownMs: number;
}

export const CLOSED: BreakerState = { kind: 'closed', failures: 0 };

/** May a call go out now? Returns the state to keep (open → half-open after the cooldown). */
export function breakerAllows(
  s: BreakerState,
  now: number,
  o: BreakerOptions,
): { allow: boolean; state: BreakerState } {
  switch (s.kind) {
    case 'closed':
      return { allow: true, state: s };
    case 'open':
      return now - s.since >= o.cooldownMs
        ? { allow: true, state: { kind: 'half-open', probing: true } }
        : { allow: false, state: s };
    case 'half-open':
      return s.probing ? { allow: false, state: s } : { allow: true, state: { kind: 'half-open', probing: true } };
  }
}

/** The state after a call's final outcome (after its retries). */
export function breakerRecord(s: BreakerState, ok: boolean, now: number, o: BreakerOptions): BreakerState {
  if (ok) return CLOSED;
  if (s.kind === 'closed' && s.failures + 1 < o.failures) return { kind: 'closed', failures: s.failures + 1 };
  return { kind: 'open', since: now };
}
