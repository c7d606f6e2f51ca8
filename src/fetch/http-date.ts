// HTTP-date parsing (RFC 9110 §5.6.7). Recipients must accept all three formats:
//   IMF-fixdate  Sun, 06 Nov 1994 08:49:37 GMT   (the only one senders may generate)
//   rfc850       Sunday, 06-Nov-94 08:49:37 GMT  (obsolete, two-digit year)
//   asctime      Sun Nov  6 08:49:37 1994         (obsolete, no zone: it is UTC)
// Date.parse is not used: it reads asctime as local time and accepts much that is not an HTTP-date.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MON = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)';
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';

const IMF_FIXDATE = new RegExp(`^(?:mon|tue|wed|thu|fri|sat|sun), (\\d{2}) ${MON} (\\d{4}) ${TIME} gmt$`, 'i');
const RFC850 = new RegExp(
  `^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday), (\\d{2})-${MON}-(\\d{2}) ${TIME} gmt$`,
  'i',
);
const ASCTIME = new RegExp(`^(?:mon|tue|wed|thu|fri|sat|sun) ${MON} ([ \\d]\\d) ${TIME} (\\d{4})$`, 'i');

/** Epoch ms of an HTTP-date, or null when the value is not one. `now` resolves rfc850's two-digit year. */
export function parseHttpDate(value: string, now: number): number | null {
  const text = value.trim();
  let m = IMF_FIXDATE.exec(text);
  if (m) return build(Number(m[3]), m[2]!, Number(m[1]), m[4]!, m[5]!, m[6]!);
  m = RFC850.exec(text);
  if (m) return build(fullYear(Number(m[3]), now), m[2]!, Number(m[1]), m[4]!, m[5]!, m[6]!);
  m = ASCTIME.exec(text);
  if (m) return build(Number(m[6]), m[1]!, Number(m[2]!.trim()), m[3]!, m[4]!, m[5]!);
  return null;
}

// RFC 9110 §5.6.7: a two-digit year more than 50 years in the future is the most recent past year
// with the same last two digits.
function fullYear(twoDigits: number, now: number): number {
  const current = new Date(now).getUTCFullYear();
  let year = current - (current % 100) + twoDigits;
  if (year > current + 50) year -= 100;
  return year;
}

function build(year: number, mon: string, day: number, hh: string, mm: string, ss: string): number | null {
  const month = MONTHS.indexOf(mon.toLowerCase());
  const [h, mi, s] = [Number(hh), Number(mm), Number(ss)];
  // Leap seconds (60) are allowed by the grammar; Date.UTC rolls them into the next minute.
  if (h > 23 || mi > 59 || s > 60 || day < 1) return null;
  const ms = Date.UTC(year, month, day, h, mi, s);
  // Reject impossible days such as 31 Feb, which Date.UTC would silently roll over.
  if (new Date(ms).getUTCDate() !== day && s !== 60) return null;
  return ms;
}
