/**
 * Series split by dimensions (nationality, gender, age, …) as statistics tables publish them:
 * which member of a dimension is its total, how a split series is labelled, and which country a
 * row of a multi-country file is about.
 */

/**
 * The total member of a dimension: "Totaal", "Totaal nationaliteiten", "Totaal mannen en vrouwen"
 * (CBS), "Total", "TOTAL" (Eurostat citizen and age), CBS's total codes ("T001038"), and Eurostat's
 * sex code "T" (only under a sex header: elsewhere "T" is just a letter).
 */
export function isTotalMember(value: string, header = ''): boolean {
  const v = value.trim();
  if (/^(totaal|totalen|total|totals|alle|all|allen)\b/i.test(v)) return true;
  if (/^T\d{6}$/.test(v)) return true;
  return v === 'T' && /^(sex|geslacht|gender)$/i.test(header.trim());
}

/** "Eerste asielaanvragen · Syrisch · Mannen": the series' label followed by its dimension values. */
export function seriesLabel(label: string, dimensions: readonly string[]): string {
  return [label, ...dimensions].join(' · ');
}

/** The Netherlands as statistics files write it: a code (Eurostat, ISO) or a name. */
const NETHERLANDS = new Set(['nl', 'nld', 'netherlands', 'the netherlands', 'nederland', 'holland']);

/** The country a file is read for when the user has not chosen one. */
export const DEFAULT_COUNTRY = 'NL';

/** Whether a row's country cell names the chosen country ("NL" also matches "Netherlands" and "Nederland"). */
export function isCountry(cell: string, chosen: string): boolean {
  const c = cell.trim().toLowerCase();
  const want = chosen.trim().toLowerCase();
  if (c === want) return true;
  return NETHERLANDS.has(c) && NETHERLANDS.has(want);
}
