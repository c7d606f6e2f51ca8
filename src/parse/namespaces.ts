// Namespace URIs feeds use, and the canonical prefix each reads as in the tree (see xml.ts).

export const NS = {
  atom10: 'http://www.w3.org/2005/Atom',
  atom03: 'http://purl.org/atom/ns#',
  rss090: 'http://my.netscape.com/rdf/simple/0.9/',
  rss090alt: 'http://channel.netscape.com/rdf/simple/0.9/',
  rss10: 'http://purl.org/rss/1.0/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
} as const;

// Namespace URI -> canonical prefix ('' = core feed vocabulary).
export const PREFIXES: Record<string, string> = {
  [NS.rss090]: '',
  [NS.rss090alt]: '',
  [NS.rss10]: '',
  'http://backend.userland.com/rss': '',
  'http://backend.userland.com/rss2': '',
  'http://blogs.law.harvard.edu/tech/rss': '',
  'http://purl.org/net/rss1.1#': '',
  [NS.atom10]: 'atom',
  [NS.atom03]: 'atom',
  [NS.rdf]: 'rdf',
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://search.yahoo.com/mrss/': 'media',
  'http://search.yahoo.com/mrss': 'media',
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'http://www.w3.org/1999/xhtml': 'xhtml',
  'http://www.w3.org/XML/1998/namespace': 'xml',
};
