// `npm run bench`: every benchmark, printed as markdown tables (copy into BENCHMARKS.md with the
// date and machine). Set BENCH=ingest,match,... to run a subset.
import { cpus, totalmem } from 'node:os';
import { formatIngest, runIngestBench } from './ingest';

const only = new Set((process.env.BENCH ?? '').split(',').filter(Boolean));
const want = (name: string) => only.size === 0 || only.has(name);

console.log(`# Rased benchmarks — ${new Date().toISOString().slice(0, 10)}`);
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}\n`,
);

if (want('ingest')) {
  console.log(formatIngest(await runIngestBench()));
  console.log();
  console.log(formatIngest(await runIngestBench(200, 50, { ingestOnly: false, watches: 200 })));
  console.log();
}
