import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/parse/dates';

const T = Date.UTC(2004, 0, 1, 19, 48, 21);

describe('parseDate', () => {
  it.each([
    ['RFC 822 with GMT', 'Thu, 01 Jan 2004 19:48:21 GMT', T],
    ['no weekday', '01 Jan 2004 19:48:21 GMT', T],
    ['numeric zone', 'Thu, 01 Jan 2004 21:48:21 +0200', T],
    ['numeric zone with colon', 'Thu, 01 Jan 2004 14:48:21 -05:00', T],
    ['named US zone', 'Thu, 01 Jan 2004 14:48:21 EST', T],
    ['no zone is UTC', 'Thu, 01 Jan 2004 19:48:21', T],
    ['unknown zone is UTC', 'Thu, 01 Jan 2004 19:48:21 XYZ', T],
    ['full month and weekday names', 'Thursday, 01 January 2004 19:48:21 GMT', T],
    ['two-digit year', 'Thu, 01 Jan 04 19:48:21 GMT', T],
    ['lowercase and single-digit day', 'thu, 1 jan 2004 19:48:21 gmt', T],
    ['no seconds', 'Thu, 01 Jan 2004 19:48 GMT', Date.UTC(2004, 0, 1, 19, 48)],
    ['month first', 'January 1, 2004 19:48:21 GMT', T],
    ['ISO 8601 Z', '2004-01-01T19:48:21Z', T],
    ['ISO 8601 fraction and offset', '2004-01-01T22:48:21.000+03:00', T],
    ['ISO 8601 with space', '2004-01-01 19:48:21', T],
    ['ISO date only', '2004-01-01', Date.UTC(2004, 0, 1)],
    ['ISO basic format', '20040101T194821Z', T],
    ['surrounding whitespace', '  2004-01-01T19:48:21Z\n', T],
    ['non-ASCII noise ignored', 'Thu, 01 Jan 2004 19:48:21 GMT\u00a0', T],
  ])('%s: %s', (_name, input, want) => {
    expect(parseDate(input)).toBe(want);
  });

  it.each([
    ['empty', ''],
    ['null', null],
    ['words', 'yesterday'],
    ['invalid month', '01 Foo 2004 10:00:00 GMT'],
    ['day 32', '2004-01-32'],
    ['year out of range', '1800-01-01'],
    ['Arabic text', 'الخميس ١ يناير'],
  ])('%s gives null', (_name, input) => {
    expect(parseDate(input)).toBeNull();
  });
});
