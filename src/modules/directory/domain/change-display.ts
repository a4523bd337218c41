// The types of listing as the département team's pages name them, and how the store compares two values
// (the field names are web/listing-history.tsx's FIELD_LABELS, the values are written by web/change-values.ts).

export type ListingType = 'place' | 'service' | 'structure';

export const LISTING_TYPE_LABELS: Record<ListingType, { one: string; many: string }> = {
  place: { one: 'Lieu', many: 'Lieux' },
  service: { one: 'Service', many: 'Services' },
  structure: { one: 'Structure', many: 'Structures' },
};

/** Same value, as the store compares them (JSON of the value, null for nothing). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
