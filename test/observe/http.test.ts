import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createObserveServer, listen } from '../../src/observe/http';
import { createMetrics } from '../../src/observe/metrics';

let close: (() => void) | null = null;
afterEach(() => close?.());

describe('/healthz and /metrics', () => {
  it('serves health as JSON and metrics as Prometheus text', async () => {
    const metrics = createMetrics();
    metrics.inc('rased_polls_total', 'Polls by outcome', { outcome: 'ok' }, 3);
    metrics.observe('rased_poll_seconds', 'Poll latency', { source_id: 'a"b' }, 0.3);
    const server = createObserveServer({
      health: () => ({ status: 'degraded', sources_failing: 1 }),
      metrics: () => metrics.render(),
    });
    await listen(server, 0, '127.0.0.1');
    close = () => server.close();
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const h = await fetch(`${base}/healthz`);
    expect(h.status).toBe(200);
    expect(await h.json()).toEqual({ status: 'degraded', sources_failing: 1 });

    const m = await fetch(`${base}/metrics`);
    expect(m.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    const text = await m.text();
    expect(text).toContain('# TYPE rased_polls_total counter');
    expect(text).toContain('rased_polls_total{outcome="ok"} 3');
    expect(text).toContain('rased_poll_seconds_bucket{source_id="a\\"b",le="0.5"} 1');
    expect(text).toContain('rased_poll_seconds_count{source_id="a\\"b"} 1');

    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`, { method: 'POST' })).status).toBe(405);
  });
});
