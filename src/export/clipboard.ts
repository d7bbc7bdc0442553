/**
 * Copies plain text and HTML together, so a table pastes into Word as a table and into a plain
 * editor as tab-separated text. The copy event works without the clipboard permission, which
 * locked-down browsers often withhold; the async API is the fallback.
 */
export async function copyRich(text: string, html: string): Promise<boolean> {
  let written = false;
  const onCopy = (event: ClipboardEvent) => {
    if (!event.clipboardData) return;
    event.clipboardData.setData('text/plain', text);
    event.clipboardData.setData('text/html', html);
    event.preventDefault();
    written = true;
  };
  document.addEventListener('copy', onCopy);
  try {
    document.execCommand('copy');
  } finally {
    document.removeEventListener('copy', onCopy);
  }
  if (written) return true;
  try {
    await navigator.clipboard.write([
      new ClipboardItem({ 'text/plain': new Blob([text], { type: 'text/plain' }), 'text/html': new Blob([html], { type: 'text/html' }) }),
    ]);
    return true;
  } catch {
    return false;
  }
}

/**
 * Puts a PNG on the clipboard, so a chart pastes into Word as a picture. The blob is passed as a
 * promise: drawing it takes a moment, and the browser keeps the click's permission meanwhile.
 */
export async function copyImage(png: Promise<Blob>): Promise<boolean> {
  try {
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
    return true;
  } catch {
    return false;
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`);
}
