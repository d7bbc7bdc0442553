/**
 * What the user chose for a file in the file list, kept across reloads (the original files are
 * restored from IndexedDB and read anew; without this the defaults would return): the scope of a
 * case-level export (else another snapshot would be in force) and the country read from a
 * multi-country statistics file. Keyed by file name and size; nothing leaves the browser.
 */
const SCOPES = 'ketenmonitor.caseScopes';
const COUNTRIES = 'ketenmonitor.countries';

function read(key: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key) ?? '{}');
    return value && typeof value === 'object' ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}

function remember(key: string, file: string, choice: string): void {
  try {
    localStorage.setItem(key, JSON.stringify({ ...read(key), [file]: choice }));
  } catch {
    // Storage full or blocked: the choice holds until the page is reloaded.
  }
}

const keyOf = (name: string, sizeBytes: number) => `${name}|${sizeBytes}`;

export function scopeOverride(name: string, sizeBytes: number): string | undefined {
  return read(SCOPES)[keyOf(name, sizeBytes)];
}

export function rememberScope(name: string, sizeBytes: number, scope: string): void {
  remember(SCOPES, keyOf(name, sizeBytes), scope);
}

/** The country to read from this file instead of the Netherlands, if the user chose one. */
export function countryOverride(name: string, sizeBytes: number): string | undefined {
  return read(COUNTRIES)[keyOf(name, sizeBytes)];
}

export function rememberCountry(name: string, sizeBytes: number, country: string): void {
  remember(COUNTRIES, keyOf(name, sizeBytes), country);
}
