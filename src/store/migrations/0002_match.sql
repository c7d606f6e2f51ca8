-- 0002: the places each article mentions (src/match/geotag.ts), for alerts ("📍 Hasakah, al-Hasakah
-- governorate" with a map link) and clustering. Names and coordinates are copied so an alert renders
-- without the gazetteer, and stays right if the gazetteer changes later.
CREATE TABLE article_places (
  article_id      INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  place_id        TEXT NOT NULL,           -- "gn:<geonameid>" or "sy:<slug>"
  kind            TEXT NOT NULL,
  name_en         TEXT NOT NULL,
  name_ar         TEXT NOT NULL,
  governorate_id  TEXT,
  governorate_en  TEXT,
  governorate_ar  TEXT,
  lat             REAL,
  lon             REAL,
  mentions        INTEGER NOT NULL,
  PRIMARY KEY (article_id, place_id)
) STRICT;

CREATE INDEX article_places_place ON article_places(place_id, article_id);
