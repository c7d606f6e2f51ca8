// Per-source health, derived from stored fetch state. Pure: used by `rased sources`, /healthz
// and the chat /sources command.
import type { SourceState } from '../store/source-state-repo';
import type { Source } from '../types';

export type SourceHealthStatus = 'ok' | 'failing' | 'pending' | 'disabled';

export interface SourceHealth {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly status: SourceHealthStatus;
  readonly lastSuccessAt: number | null;
  readonly lastError: string | null;
  readonly consecutiveFailures: number;
  readonly nextPollAt: number | null;
  readonly articles: number;
}

export function sourceHealth(source: Source, state: SourceState | undefined): SourceHealth {
  const status: SourceHealthStatus = !source.enabled
    ? 'disabled'
    : !state || state.lastPollAt === null
      ? 'pending'
      : state.consecutiveFailures > 0
        ? 'failing'
        : 'ok';
  return {
    id: source.id,
    name: source.name,
    kind: source.kind,
    status,
    lastSuccessAt: state?.lastSuccessAt ?? null,
    lastError: state?.consecutiveFailures ? state.lastError : null,
    consecutiveFailures: state?.consecutiveFailures ?? 0,
    nextPollAt: state?.nextPollAt ?? null,
    articles: state?.articlesTotal ?? 0,
  };
}

export function healthReport(sources: readonly Source[], states: ReadonlyMap<string, SourceState>) {
  const list = sources.map((s) => sourceHealth(s, states.get(s.id)));
  const failing = list.filter((s) => s.status === 'failing').length;
  return {
    status: failing === 0 ? ('ok' as const) : ('degraded' as const),
    sources_total: list.length,
    sources_failing: failing,
    sources: list,
  };
}

const ago = (now: number, t: number | null) => {
  if (t === null) return 'never';
  const s = Math.round((now - t) / 1000);
  if (Math.abs(s) < 90) return s >= 0 ? `${s}s ago` : `in ${-s}s`;
  const m = Math.round(s / 60);
  if (Math.abs(m) < 90) return m >= 0 ? `${m}m ago` : `in ${-m}m`;
  const h = Math.round(m / 60);
  return h >= 0 ? `${h}h ago` : `in ${-h}h`;
};

/** One line per source for terminals and chat: "✓ enab-baladi  ok  last success 3m ago · next in 2m". */
export function formatHealthLines(list: readonly SourceHealth[], now: number): string[] {
  const icon: Record<SourceHealthStatus, string> = { ok: '✓', failing: '✗', pending: '…', disabled: '−' };
  const width = Math.max(0, ...list.map((s) => s.id.length));
  return list.map((s) => {
    const parts = [`${icon[s.status]} ${s.id.padEnd(width)}  ${s.status.padEnd(8)}`];
    parts.push(`last success ${ago(now, s.lastSuccessAt)}`);
    if (s.nextPollAt !== null && s.status !== 'disabled') parts.push(`next poll ${ago(now, s.nextPollAt)}`);
    parts.push(`${s.articles} articles`);
    if (s.status === 'failing') parts.push(`${s.consecutiveFailures} failures: ${s.lastError}`);
    return parts.join(' · ');
  });
}
