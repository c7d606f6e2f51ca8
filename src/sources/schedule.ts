// Schedules: `every` is a duration ("30s", "5m", "1h", "1h30m", "2d") or a cron expression
// (node-cron syntax, optional seconds field). Pure: parsing and "when is the next poll".
import { parse as parseCron, validateDetailed } from 'node-cron';
import type { Result, Schedule } from '../types';

export const MIN_INTERVAL_MS = 5_000;

const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const DURATION = /^(\d+(?:ms|s|m|h|d))+$/;
const PART = /(\d+)(ms|s|m|h|d)/g;

export function parseDuration(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (!DURATION.test(t)) return null;
  let ms = 0;
  for (const m of t.matchAll(PART)) ms += Number(m[1]) * (UNIT_MS[m[2]!] ?? 0);
  return ms;
}

export function parseSchedule(every: string): Result<Schedule> {
  const ms = parseDuration(every);
  if (ms !== null) {
    if (ms < MIN_INTERVAL_MS) return { ok: false, error: `"${every}" is shorter than the minimum of 5s` };
    return { ok: true, value: { kind: 'interval', ms } };
  }
  const fields = every.trim().split(/\s+/);
  if (fields.length < 5 || fields.length > 6) {
    return {
      ok: false,
      error: `"${every}" is neither a duration (30s, 5m, 1h) nor a cron expression ("*/10 * * * *")`,
    };
  }
  const v = validateDetailed(every);
  if (!v.valid)
    return { ok: false, error: `invalid cron expression "${every}": ${v.errors.map((e) => e.message).join('; ')}` };
  const parsed = parseCron(every);
  if (![parsed.dayOfMonth, parsed.dayOfWeek].every((f) => f.every((x) => typeof x === 'number'))) {
    return { ok: false, error: `cron expression "${every}" uses a feature Rased does not schedule (L, #, W)` };
  }
  if (minSecondsGap(parsed.second) < MIN_INTERVAL_MS / 1000) {
    return { ok: false, error: `cron expression "${every}" fires more often than the minimum of every 5s` };
  }
  return { ok: true, value: { kind: 'cron', expr: every.trim() } };
}

function minSecondsGap(seconds: number[]): number {
  if (seconds.length <= 1) return 60;
  const s = [...seconds].sort((a, b) => a - b);
  let gap = 60 - s[s.length - 1]! + s[0]!;
  for (let i = 1; i < s.length; i++) gap = Math.min(gap, s[i]! - s[i - 1]!);
  return gap;
}

/** Next time strictly after `after` (epoch ms, UTC) that the schedule fires. */
export function nextRun(schedule: Schedule, after: number): number {
  if (schedule.kind === 'interval') return after + schedule.ms;
  return nextCronRun(schedule.expr, after);
}

/** Searches minute by minute (at most a year ahead); fine for the handful of calls a poll makes. */
export function nextCronRun(expr: string, after: number): number {
  const f = parseCron(expr);
  const sec = new Set(f.second);
  const min = new Set(f.minute);
  const hour = new Set(f.hour);
  const dom = new Set(f.dayOfMonth as number[]);
  const mon = new Set(f.month);
  const dow = new Set((f.dayOfWeek as number[]).map((d) => d % 7));
  const seconds = [...sec].sort((a, b) => a - b);
  const start = new Date(Math.floor(after / 1000) * 1000 + 1000);
  let t = Date.UTC(
    start.getUTCFullYear(),
    start.getUTCMonth(),
    start.getUTCDate(),
    start.getUTCHours(),
    start.getUTCMinutes(),
  );
  for (let i = 0; i < 366 * 24 * 60; i++, t += 60_000) {
    const d = new Date(t);
    if (
      !mon.has(d.getUTCMonth() + 1) ||
      !dom.has(d.getUTCDate()) ||
      !dow.has(d.getUTCDay()) ||
      !hour.has(d.getUTCHours()) ||
      !min.has(d.getUTCMinutes())
    ) {
      continue;
    }
    for (const s of seconds) if (t + s * 1000 > after) return t + s * 1000;
  }
  throw new Error(`cron expression "${expr}" never fires within a year`);
}

/** Interval length used as the base for backoff: the gap between the next two runs. */
export function nominalIntervalMs(schedule: Schedule, now: number): number {
  if (schedule.kind === 'interval') return schedule.ms;
  const a = nextCronRun(schedule.expr, now);
  return nextCronRun(schedule.expr, a) - a;
}
