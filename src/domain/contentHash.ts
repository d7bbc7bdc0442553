/**
 * A file's content as a short fingerprint (FNV-1a, 32 bits, hex): it breaks ties between exports
 * with the same export date and file name, so the value in force never depends on the order files
 * were loaded or restored in. Not a security hash.
 */
export function contentHash(bytes: Uint8Array): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    hash ^= bytes[i];
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
