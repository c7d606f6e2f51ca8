// The lookup table shared by the matcher, the geotagger and the entity extractor: hash of a first
// token → the forms that start with it. Forms of one word share their rest arrays.
import { hashKey } from '../text/tokenize';
import type { Entry } from './compile';
import type { Form } from './forms';

export function addForm(map: Map<number, Entry[]>, form: Form, slot: number, lastLetter?: string): void {
  for (const key of form.firsts) {
    const e: Entry = { key, rest: form.rest, restHashes: form.restHashes, flags: form.flags, lastLetter, slot };
    const h = hashKey(key);
    const list = map.get(h);
    if (list) list.push(e);
    else map.set(h, [e]);
  }
}

/** One string per form set, to skip a name that two spellings normalize to. */
export const formId = (f: Form): string => `${f.firsts[0]}|${f.rest.join(' ')}|${f.flags}`;
