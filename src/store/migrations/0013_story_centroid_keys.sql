-- 0013: a story's centroid also as term keys (30-bit hashes of its terms, uint32 little-endian, in
-- the order of centroid_terms): candidate stories are scored from keys and weights alone, read as
-- typed arrays, with no term strings built (src/dedup/tfidf.ts keyedCosine). Rows written before
-- 0013 are keyed from their terms when read until their story is next written.
ALTER TABLE stories ADD COLUMN centroid_keys BLOB NOT NULL DEFAULT x'';
