/**
 * The one normal form of names used to match what people write against the knowledge base.
 */

/**
 * Lowercases, folds Danish letters (æ -> ae, ø -> oe, å -> aa) and other accents (é -> e), drops
 * apostrophes, turns other punctuation into spaces and collapses spaces.
 *
 * @example normalizeName('Pædagogisk leder, Høje-Taastrup') === 'paedagogisk leder hoeje taastrup'
 */
export function normalizeName(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/['’‘`´]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
