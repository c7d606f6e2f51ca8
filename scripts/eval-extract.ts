// Measures article extraction: token F1 against Mozilla Readability's expected texts, metadata matches,
// and seed recall / boilerplate leakage on generated Arabic news pages. Run: npx tsx scripts/eval-extract.ts
import {
  corpusPresent,
  evalReadabilityCorpus,
  evalSeeds,
  READABILITY_DIR,
  SEEDS_DIR,
  seedsPresent,
} from '../test/extract/eval-lib';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const pad = (s: string | number, n: number) => String(s).padEnd(n);

function corpusReport(): void {
  if (!corpusPresent()) {
    console.warn(`corpus missing at ${READABILITY_DIR}: skipped`);
    return;
  }
  const rows = evalReadabilityCorpus();
  console.log(
    '\nReadability corpus: token F1 of extracted text vs expected.html ("alone" = Readability without our rules)\n',
  );
  console.log(
    `${pad('page', 32)}${pad('F1', 8)}${pad('prec', 8)}${pad('recall', 8)}${pad('ms', 7)}${pad('alone', 8)}metadata`,
  );
  const metaTotals = new Map<string, [number, number]>();
  for (const r of rows) {
    const meta = Object.entries(r.meta).map(([k, ok]) => `${k}${ok ? '✓' : '✗'}`);
    for (const [k, ok] of Object.entries(r.meta)) {
      const [hit, all] = metaTotals.get(k) ?? [0, 0];
      metaTotals.set(k, [hit + (ok ? 1 : 0), all + 1]);
    }
    console.log(
      `${pad(r.page, 32)}${pad(pct(r.f1), 8)}${pad(pct(r.precision), 8)}${pad(pct(r.recall), 8)}${pad(r.ms.toFixed(0), 7)}${pad(pct(r.baselineF1), 8)}${meta.join(' ')}`,
    );
  }
  const mean = (f: (r: (typeof rows)[number]) => number) => rows.reduce((a, r) => a + f(r), 0) / rows.length;
  console.log(
    `${pad('MEAN', 32)}${pad(pct(mean((r) => r.f1)), 8)}${pad(pct(mean((r) => r.precision)), 8)}${pad(pct(mean((r) => r.recall)), 8)}${pad('', 7)}${pad(pct(mean((r) => r.baselineF1)), 8)}`,
  );
  console.log(`metadata matches: ${[...metaTotals].map(([k, [hit, all]]) => `${k} ${hit}/${all}`).join(', ')}`);
}

function seedReport(): void {
  if (!seedsPresent()) {
    console.warn(`seeds missing at ${SEEDS_DIR}: skipped`);
    return;
  }
  console.log(
    '\nSeeds wrapped in a generated Arabic news page (semantic = common CMS markup, opaque = hashed classes)\n',
  );
  console.log(
    `${pad('seed', 6)}${pad('skin', 10)}${pad('recall', 12)}${pad('tail removed', 14)}${pad('leaked', 10)}${pad('extra', 7)}ms`,
  );
  for (const r of evalSeeds()) {
    console.log(
      `${pad(r.seed, 6)}${pad(r.skin, 10)}${pad(`${r.recalled}/${r.realParagraphs}`, 12)}${pad(`${r.tailRemoved}/${r.tailLines}`, 14)}${pad(`${r.leaked.length}/${r.boilerplateItems}`, 10)}${pad(r.extra.length, 7)}${pad(r.ms.toFixed(0), 6)}${r.baselineRecalled}/${r.realParagraphs}, ${r.baselineLeaked}/${r.boilerplateItems}`,
    );
    for (const l of r.leaked) console.log(`      leaked: ${l}`);
    for (const e of r.extra) console.log(`      extra:  ${e.slice(0, 100)}`);
  }
}

corpusReport();
seedReport();
