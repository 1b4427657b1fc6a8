/**
 * Integers with thousands separators, for messages and output at every layer (the table readers'
 * notes, the ranking methods' limits, the renderers).
 */

/**
 * 1234567 -> "1,234,567", as toLocaleString("en-US") writes it, without loading ICU for integers (its
 * first use costs 10-15 ms of start-up, a tenth of a small `rank`).
 */
export function thousands(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString("en-US");
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
