/**
 * The scope the user gave a case-level export in the file list, kept across reloads (the original
 * files are restored from IndexedDB and stored anew; without this the default scope would return
 * and change which snapshot is in force). Keyed by file name and size; nothing leaves the browser.
 */
const KEY = 'ketenmonitor.caseScopes';

function read(): Record<string, string> {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    return value && typeof value === 'object' ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}

const keyOf = (name: string, sizeBytes: number) => `${name}|${sizeBytes}`;

export function scopeOverride(name: string, sizeBytes: number): string | undefined {
  return read()[keyOf(name, sizeBytes)];
}

export function rememberScope(name: string, sizeBytes: number, scope: string): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ ...read(), [keyOf(name, sizeBytes)]: scope }));
  } catch {
    // Storage full or blocked: the choice holds until the page is reloaded.
  }
}
