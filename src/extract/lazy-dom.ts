// linkedom and Readability, loaded on first use: together ~19 MB of resident memory that a deployment
// whose feeds carry full text never needs. Both ship CommonJS builds, so a synchronous require keeps
// the callers synchronous.
import { createRequire } from 'node:module';

type Linkedom = typeof import('linkedom');
type ReadabilityModule = typeof import('@mozilla/readability');

const load = createRequire(import.meta.url);
let linkedom: Linkedom | null = null;
let readability: ReadabilityModule | null = null;

export function parseHTML(html: string): ReturnType<Linkedom['parseHTML']> {
  linkedom ??= load('linkedom') as Linkedom;
  return linkedom.parseHTML(html);
}

export function readabilityClass(): ReadabilityModule['Readability'] {
  readability ??= load('@mozilla/readability') as ReadabilityModule;
  return readability.Readability;
}
