// Hash of normalized title + text: the same words with other spacing, diacritics or quotes hash
// the same (one of the "same article" keys).
import { createHash } from 'node:crypto';

export function createContentHash(normalize: (s: string) => string) {
  return (title: string, text: string): string =>
    createHash('sha256')
      .update(normalize(`${title}\n${text}`))
      .digest('hex')
      .slice(0, 32);
}
