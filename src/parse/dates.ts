// Feed dates to epoch milliseconds. Feeds use RFC 822/1123 (RSS) and ISO 8601 / RFC 3339 (Atom, JSON
// Feed, dc:date), and break both: missing weekday or seconds, full month names, two-digit years,
// lowercase or misspelt zone names, a comma after the day, "UT", non-ASCII noise. Rules:
// - a date without a zone is read as UTC (RFC 822 requires a zone; UTC is the usual guess);
// - an unknown zone name counts as UTC rather than rejecting the date;
// - anything else unparseable, or outside 1970..2200, gives null: the pipeline then uses fetch time.
// Pure: no clock.

const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
  // Seen in the wild: full names are cut to three letters first; these are the odd ones.
  sept: 8,
  mei: 4,
  okt: 9,
  mrz: 2,
  dez: 11,
};

// RFC 822 section 5.1 zones plus common North American, European and Middle Eastern abbreviations.
const ZONES: Record<string, number> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  wet: 0,
  bst: 60,
  cet: 60,
  met: 60,
  cest: 120,
  eet: 120,
  eest: 180,
  msk: 180,
  ast: -240,
  adt: -180,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  akst: -540,
  akdt: -480,
  hst: -600,
  ist: 330,
  jst: 540,
  kst: 540,
  aest: 600,
  aedt: 660,
};

const ISO =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[T\s]+(\d{1,2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;
// [weekday,] day month year [time] [zone], tolerating extra commas, dots and dashes between parts.
const RFC822 =
  /^(?:[a-z]+(?:[,.]\s*|\s+))?(\d{1,2})[\s\-./,]*([a-z]{3,9})\.?[\s\-./,]*(\d{2,4})(?:[\s,T]+(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?(?:\.\d+)?)?\s*(?:([+-]\d{2}:?\d{2}|[a-z]{1,5})\b)?/i;
// Some feeds put the month first: "Jan 01 2004 19:48:21 GMT" or "Thursday, January 1, 2004 ...".
const MONTH_FIRST =
  /^(?:[a-z]+(?:[,.]\s*|\s+))?([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:[\s,T]+(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?\s*(?:([+-]\d{2}:?\d{2}|[a-z]{1,5})\b)?/i;

const MIN_YEAR = 1970;
const MAX_YEAR = 2200;

export function parseDate(input: string | null | undefined): number | null {
  if (!input) return null;
  const s = input.replace(/[^\x20-\x7E]+/g, ' ').trim();
  if (!s) return null;
  return parseIso(s) ?? parseRfc822(s) ?? parseMonthFirst(s);
}

function parseIso(s: string): number | null {
  const m = ISO.exec(s);
  if (!m) {
    const ym = ISO_MONTH.exec(s);
    return ym ? build(+ym[1]!, +ym[2]! - 1, 1, 0, 0, 0, 0, 0) : null;
  }
  const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  return build(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), ms, zoneOffset(m[8]));
}

function parseRfc822(s: string): number | null {
  const m = RFC822.exec(s);
  if (!m) return null;
  const month = monthIndex(m[2]!);
  if (month === null) return null;
  return build(year(m[3]!), month, +m[1]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), 0, zoneOffset(m[7]));
}

function parseMonthFirst(s: string): number | null {
  const m = MONTH_FIRST.exec(s);
  if (!m) return null;
  const month = monthIndex(m[1]!);
  if (month === null) return null;
  return build(+m[3]!, month, +m[2]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), 0, zoneOffset(m[7]));
}

function monthIndex(name: string): number | null {
  const key = name.toLowerCase();
  return MONTHS[key] ?? MONTHS[key.slice(0, 3)] ?? null;
}

/** RFC 822 two-digit years: 00-49 are 20xx, 50-99 are 19xx (the RFC 2822 section 4.3 rule). */
function year(y: string): number {
  const n = +y;
  if (y.length === 2) return n < 50 ? 2000 + n : 1900 + n;
  return n;
}

/** Minutes east of UTC; unknown or missing zones count as UTC. */
function zoneOffset(zone: string | undefined): number {
  if (!zone) return 0;
  const numeric = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (numeric) {
    const minutes = +numeric[2]! * 60 + +(numeric[3] ?? 0);
    return numeric[1] === '-' ? -minutes : minutes;
  }
  return ZONES[zone.toLowerCase()] ?? 0;
}

function build(y: number, mo: number, d: number, h: number, mi: number, sec: number, ms: number, offset: number) {
  if (y < MIN_YEAR || y > MAX_YEAR || mo < 0 || mo > 11 || d < 1 || d > 31) return null;
  if (h > 24 || mi > 59 || sec > 60) return null;
  const t = Date.UTC(y, mo, d, h, mi, sec, ms) - offset * 60_000;
  return Number.isFinite(t) ? t : null;
}
