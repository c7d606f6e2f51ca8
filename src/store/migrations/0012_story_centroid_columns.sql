-- 0012: a story's centroid as two columns instead of one JSON object: its terms (space-separated;
-- terms are tokens, never contain whitespace) and their weights (float64 little-endian, same order).
-- V8 parses a JSON object of 120 distinct keys in ~0.6 ms (every new key set is a new hidden class),
-- and every candidate story not in the cache paid that; splitting the terms and reading the weights
-- takes ~0.02 ms. Rows written before 0012 keep their JSON in `centroid` (read while
-- `centroid_weights` is empty) until their story is next written; new rows leave `centroid` '{}'.
-- (0012, not 0010: a database already at 0011 would never apply a 0010.)
ALTER TABLE stories ADD COLUMN centroid_terms TEXT NOT NULL DEFAULT '';
ALTER TABLE stories ADD COLUMN centroid_weights BLOB NOT NULL DEFAULT x'';
