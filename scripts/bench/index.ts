// `npm run bench`: every benchmark, printed as markdown (copy into BENCHMARKS.md with the date and
// machine). BENCH=ingest,match,dedup,deliver runs a subset; DEDUP_BENCH_SIZES=10000,100000,1000000 sets the
// dedup store sizes (default 10k and 100k; 1M takes minutes to build); MATCH_BENCH_SIZES and
// MATCH_BENCH_MIXES choose the matching rows (see ./match.ts).
// Each benchmark's modules are imported when it runs, so one does not carry another's (the delivery
// bench's grammY, the match bench's generators) in its heap and RSS.
import { cpus, loadavg, totalmem } from 'node:os';

const only = new Set((process.env.BENCH ?? '').split(',').filter(Boolean));
const want = (name: string) => only.size === 0 || only.has(name);

console.log(`# Rased benchmarks — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, load average at start ${loadavg()[0]!.toFixed(1)}\n`,
);

if (want('ingest')) {
  const { formatIngest, runIngestBench } = await import('./ingest');
  console.log(formatIngest(await runIngestBench()));
  console.log();
  console.log(formatIngest(await runIngestBench(200, 50, { ingestOnly: false, watches: 200 })));
  console.log();
}
if (want('match')) {
  const { formatMatch, runMatchBench } = await import('./match');
  const sizes = (process.env.MATCH_BENCH_SIZES ?? '10000,100000').split(',').map(Number);
  const mixes = process.env.MATCH_BENCH_MIXES?.split(',') as Parameters<typeof runMatchBench>[1];
  console.log(formatMatch(runMatchBench(sizes, mixes)));
  console.log();
}
if (want('dedup')) {
  const { formatDedup, runDedupBench } = await import('./dedup');
  const sizes = (process.env.DEDUP_BENCH_SIZES ?? '10000,100000').split(',').map(Number);
  console.log(formatDedup(sizes.map((n) => runDedupBench(n))));
  console.log();
}
if (want('deliver')) {
  const { formatDeliver, runDeliverBench } = await import('./deliver');
  console.log(formatDeliver(await runDeliverBench()));
  console.log();
}
