import { describe, expect, it } from 'vitest';
import { readJsonLd } from '../../src/extract/jsonld';
import { normalizeLang, parseDate, stripSiteSuffix } from '../../src/extract/metadata';

describe('stripSiteSuffix', () => {
  it.each([
    ['Headline here - BBC News', 'BBC News', false, 'Headline here'],
    ['Headline here | the Guardian', 'the Guardian', false, 'Headline here'],
    ['Headline: a story | Eleanor Roy', 'the Guardian', false, 'Headline: a story | Eleanor Roy'],
    ['The Daily Ledger | Headline of the day', 'The Daily Ledger', false, 'Headline of the day'],
    ['هجوم على سجن غويران - العربي الجديد', 'العربي الجديد', false, 'هجوم على سجن غويران'],
    ['هجوم على سجن غويران في الحسكة - العربي الجديد', null, true, 'هجوم على سجن غويران في الحسكة'],
    ['هجوم على سجن غويران في الحسكة - العربي الجديد', null, false, 'هجوم على سجن غويران في الحسكة - العربي الجديد'],
    ['Get your code covered | Code | Nicolas P', null, true, 'Get your code covered | Code'],
    ['Short - Title With Many Words Here', null, true, 'Short - Title With Many Words Here'],
    ['No separator at all', 'Site', true, 'No separator at all'],
  ] as const)('%s (site %s, page title %s) → %s', (title, site, isPage, expected) => {
    expect(stripSiteSuffix(title, site, isPage)).toBe(expected);
  });
});

describe('parseDate', () => {
  it.each([
    ['2022-01-20T21:30:00+03:00', Date.UTC(2022, 0, 20, 18, 30)],
    ['2019-01-03T07:00:02.000Z', Date.UTC(2019, 0, 3, 7, 0, 2)],
    ['2022-01-20T21:30:00', Date.UTC(2022, 0, 20, 21, 30)], // no zone: UTC, never the host's zone
    ['2022-01-20 21:30', Date.UTC(2022, 0, 20, 21, 30)],
    ['2022-01-20', Date.UTC(2022, 0, 20)],
    ['Thu, 20 Jan 2022 21:30:00 GMT', Date.UTC(2022, 0, 20, 21, 30)],
    ['not a date', null],
    ['', null],
  ] as const)('%s → %s', (value, ms) => {
    expect(parseDate(value)).toBe(ms);
  });
});

describe('normalizeLang', () => {
  it.each([
    ['ar', 'ar'],
    ['AR-sy', 'ar'],
    ['en_US', 'en'],
    [' en ', 'en'],
    ['', null],
    ['x-klingon-long', null],
    [null, null],
  ] as const)('%s → %s', (tag, lang) => {
    expect(normalizeLang(tag)).toBe(lang);
  });
});

describe('readJsonLd', () => {
  it('reads an article inside an @graph, with an author list and an image object', () => {
    const block = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Site' },
        {
          '@type': ['NewsArticle'],
          headline: 'H',
          datePublished: '2022-01-20T10:00:00Z',
          author: [{ '@type': 'Person', name: 'A' }, { name: 'B' }],
          image: { '@type': 'ImageObject', url: 'https://x.example/i.jpg' },
          publisher: { name: 'P' },
        },
      ],
    });
    expect(readJsonLd([block])).toEqual({
      headline: 'H',
      datePublished: '2022-01-20T10:00:00Z',
      author: 'A, B',
      image: 'https://x.example/i.jpg',
      publisher: 'P',
    });
  });

  it('skips broken blocks and non-article types', () => {
    const facts = readJsonLd([
      '{not json',
      '{"@type":"BreadcrumbList","datePublished":"x"}',
      '[{"@type":"ReportageNewsArticle","author":"C"}]',
    ]);
    expect(facts.author).toBe('C');
    expect(facts.datePublished).toBeNull();
  });
});
