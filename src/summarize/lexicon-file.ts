// Reads config/event-lexicon.yaml (I/O edge; parsing and validation are in ./lexicon).
import { readFileSync } from 'node:fs';
import { type Lexicon, parseLexicon } from './lexicon';

export const DEFAULT_LEXICON_PATH = new URL('../../config/event-lexicon.yaml', import.meta.url);

export function loadLexicon(path: string | URL = DEFAULT_LEXICON_PATH): Lexicon {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new Error(`cannot read the event lexicon at ${String(path)}: restore config/event-lexicon.yaml`, { cause });
  }
  return parseLexicon(text, String(path));
}
