// A small Prometheus text-format registry (exposition format 0.0.4): counters, gauges and
// histograms with labels. Enough for /metrics without another dependency.
type Labels = Record<string, string>;

const key = (labels: Labels) =>
  Object.keys(labels)
    .sort()
    .map((k) => `${k}="${String(labels[k]).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`)
    .join(',');

interface Family {
  name: string;
  help: string;
  type: 'counter' | 'gauge' | 'histogram';
  values: Map<string, number>;
  buckets?: number[];
  hist?: Map<string, { counts: number[]; sum: number; count: number }>;
}

export function createMetrics() {
  const families = new Map<string, Family>();
  const family = (name: string, help: string, type: Family['type'], buckets?: number[]) => {
    let f = families.get(name);
    if (!f) {
      f = { name, help, type, values: new Map(), buckets, hist: new Map() };
      families.set(name, f);
    }
    return f;
  };
  return {
    inc(name: string, help: string, labels: Labels = {}, by = 1) {
      const f = family(name, help, 'counter');
      const k = key(labels);
      f.values.set(k, (f.values.get(k) ?? 0) + by);
    },
    set(name: string, help: string, labels: Labels, value: number) {
      family(name, help, 'gauge').values.set(key(labels), value);
    },
    observe(name: string, help: string, labels: Labels, value: number, buckets = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]) {
      const f = family(name, help, 'histogram', buckets);
      const k = key(labels);
      let h = f.hist!.get(k);
      if (!h) {
        h = { counts: buckets.map(() => 0), sum: 0, count: 0 };
        f.hist!.set(k, h);
      }
      buckets.forEach((b, i) => {
        if (value <= b) h!.counts[i]!++;
      });
      h.sum += value;
      h.count++;
    },
    render(): string {
      const out: string[] = [];
      for (const f of families.values()) {
        out.push(`# HELP ${f.name} ${f.help}`, `# TYPE ${f.name} ${f.type}`);
        for (const [k, v] of f.values) out.push(`${f.name}${k ? `{${k}}` : ''} ${v}`);
        for (const [k, h] of f.hist ?? []) {
          const sep = k ? `${k},` : '';
          for (const [i, b] of f.buckets!.entries()) out.push(`${f.name}_bucket{${sep}le="${b}"} ${h.counts[i]}`);
          out.push(`${f.name}_bucket{${sep}le="+Inf"} ${h.count}`);
          out.push(`${f.name}_sum${k ? `{${k}}` : ''} ${h.sum}`, `${f.name}_count${k ? `{${k}}` : ''} ${h.count}`);
        }
      }
      return `${out.join('\n')}\n`;
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
