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

/**
 * A table's rows (the first is the header) for the clipboard: tab-separated text, which a
 * spreadsheet splits into cells, and an HTML table, which a word processor keeps as a table.
 * Numbers are written with `formatNumber` (Dutch notation on a Dutch page), right-aligned.
 */
export function tableCopy(rows: readonly (readonly (string | number | null)[])[], formatNumber: (value: number) => string, caption = ''): { text: string; html: string } {
  const shown = rows.map((row) => row.map((cell) => (typeof cell === 'number' ? formatNumber(cell) : (cell ?? ''))));
  const [header = [], ...body] = shown;
  const numeric = rows.slice(1);
  return {
    text: [...(caption ? [caption] : []), ...shown.map((row) => row.join('\t'))].join('\n'),
    html:
      `<table border="1" cellpadding="4" style="border-collapse:collapse">${caption ? `<caption>${escapeHtml(caption)}</caption>` : ''}` +
      `<thead><tr>${header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>` +
      body.map((row, r) => `<tr>${row.map((c, i) => `<td${typeof numeric[r][i] === 'number' ? ' style="text-align:right"' : ''}>${escapeHtml(c)}</td>`).join('')}</tr>`).join('') +
      '</tbody></table>',
  };
}
