// Contract between the gazetteer (data, src/match/gazetteer.ts) and the matcher.
// Raw names are stored as written; the matcher normalizes them with src/text.

export type PlaceKind =
  | 'country'
  | 'governorate' // Syria's 14 muhafazat, Iraq's governorates (GeoNames admin1)
  | 'district' // mantiqa (GeoNames admin2)
  | 'subdistrict' // nahiya
  | 'city'
  | 'town'
  | 'village'
  | 'quarter' // a city's neighbourhood (hayy)
  | 'site'; // prisons, camps, crossings, bases, dams, airports ... (curated)

export interface Place {
  /** Stable id: "gn:<geonameid>" for GeoNames towns, "sy:<slug>" for curated entries. */
  readonly id: string;
  readonly kind: PlaceKind;
  /** Display names used in alerts and briefs (consistent spellings). */
  readonly nameEn: string;
  readonly nameAr: string;
  /** Every name and spelling, Arabic and Latin, as written (display names included). */
  readonly names: readonly string[];
  /** The place that contains this one (town -> district -> governorate -> country), or null. */
  readonly parentId: string | null;
  readonly countryCode: string;
  readonly lat: number | null;
  readonly lon: number | null;
  /** Population when known: used to rank places that share a name. */
  readonly population: number;
  /**
   * Names that are also common words (الباب "the door", الهول, "Bab", "Hol"): such a name only
   * counts with a context word (مدينة، بلدة، قرية، ريف، حي، مخيم / city, town, ...) or an explicit watch.
   */
  readonly ambiguousNames?: readonly string[];
}

export interface AliasGroup {
  /** Stable id, e.g. "actor:isis", "spelling:syria". */
  readonly id: string;
  readonly kind: 'actor' | 'spelling' | 'topic';
  readonly nameEn: string;
  readonly nameAr: string;
  /** Every alias, both languages, as written. */
  readonly aliases: readonly string[];
  /**
   * Aliases that only count written exactly so (case-sensitive, no folding): short Latin
   * acronyms such as "IS", which folded would be the English verb "is". A subset of aliases.
   */
  readonly caseSensitiveAliases?: readonly string[];
}
