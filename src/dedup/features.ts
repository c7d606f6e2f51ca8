// Everything dedup computes from one article's own text, before looking at the store.

import { keyTokens } from '../text/normalize';
import { stripBoilerplate } from './boilerplate';
import { bandKeys, createMinHasher, type MinHasher, shingleHashes } from './minhash';
import type { DedupParams } from './params';
import { contentTerms, numbersOf } from './terms';
import { termFrequencies } from './tfidf';

export interface ArticleEntities {
  /** Gazetteer place ids. */
  readonly places: readonly string[];
  /** Alias-group ids (actors). */
  readonly actors: readonly string[];
  readonly numbers?: readonly string[];
}

export interface ArticleFeatures {
  readonly shingles: Uint32Array;
  readonly signature: Uint32Array;
  readonly lead: Uint32Array;
  readonly bandKeys: readonly number[];
  readonly leadKeys: readonly number[];
  readonly tf: ReadonlyMap<string, number>;
  readonly places: readonly string[];
  readonly actors: readonly string[];
  readonly numbers: readonly string[];
}

/** Key spaces of the two signatures in the one LSH table. */
export const FULL_SALT = 0x46554c4c;
export const LEAD_SALT = 0x4c454144;

export interface FeatureExtractor {
  readonly params: DedupParams;
  extract(a: { title: string; text: string; entities?: ArticleEntities | undefined }): ArticleFeatures;
  /** Sorted unique shingles of a stored text (for exact containment checks). */
  shinglesOf(a: { title: string; text: string }): Uint32Array;
  /** The LSH keys of stored signatures (to delete an article's rows without an index on them). */
  keysOf(signature: Uint32Array, lead: Uint32Array): number[];
}

export function createFeatureExtractor(params: DedupParams): FeatureExtractor {
  const full: MinHasher = createMinHasher(params.bands * params.rows, 0x52a5ed);
  const lead: MinHasher = createMinHasher(params.leadBands * params.leadRows, 0x1ead);
  const bodyTokens = (a: { title: string; text: string }) => {
    const body = keyTokens(stripBoilerplate(a.text));
    // A title-only article (feeds without text) is keyed by its title.
    return body.length >= params.shingleSize ? body : keyTokens(`${a.title}\n${a.text}`);
  };
  return {
    params,
    shinglesOf: (a) => shingleHashes(bodyTokens(a), params.shingleSize),
    keysOf: (sig, leadSig) => [
      ...bandKeys(sig, params.bands, params.rows, FULL_SALT),
      ...bandKeys(leadSig, params.leadBands, params.leadRows, LEAD_SALT),
    ],
    extract(a) {
      const tokens = bodyTokens(a);
      const shingles = shingleHashes(tokens, params.shingleSize);
      const signature = full.signature(shingles);
      const leadSig = lead.signature(shingleHashes(tokens.slice(0, params.leadTokens), params.shingleSize));
      const titleTokens = keyTokens(a.title);
      const all = [...titleTokens, ...tokens];
      return {
        shingles,
        signature,
        lead: leadSig,
        bandKeys: bandKeys(signature, params.bands, params.rows, FULL_SALT),
        leadKeys: bandKeys(leadSig, params.leadBands, params.leadRows, LEAD_SALT),
        // The headline counts twice: it names the event in the fewest words.
        tf: termFrequencies([...contentTerms(titleTokens), ...contentTerms(all)]),
        places: unique(a.entities?.places ?? []),
        actors: unique(a.entities?.actors ?? []),
        numbers: unique(a.entities?.numbers ?? numbersOf(all)),
      };
    },
  };
}

/** Keys of an article's entities in the document-frequency table (IDF weighs shared entities). */
export const entityKeys = (f: { places: readonly string[]; actors: readonly string[] }) => [
  ...f.places.map((p) => `p:${p}`),
  ...f.actors.map((a) => `a:${a}`),
];

const unique = (xs: readonly string[]) => [...new Set(xs)];
