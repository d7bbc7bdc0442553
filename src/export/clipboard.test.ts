import { describe, expect, it } from 'vitest';
import { tableCopy } from './clipboard';

describe('a table for the clipboard', () => {
  const nl = (value: number) => new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }).format(value);

  it('is tab-separated text under its caption and an HTML table with the numbers in the page\'s notation, right-aligned', () => {
    const copy = tableCopy(
      [
        ['Week', 'Aantal', 'Bron'],
        ['2020-W01', 27000, 'a<b>.csv'],
        ['2020-W02', 12.5, null],
      ],
      nl,
      'Vertrek & terugkeer',
    );
    expect(copy.text).toBe('Vertrek & terugkeer\nWeek\tAantal\tBron\n2020-W01\t27.000\ta<b>.csv\n2020-W02\t12,5\t');
    expect(copy.html).toBe(
      '<table border="1" cellpadding="4" style="border-collapse:collapse"><caption>Vertrek &amp; terugkeer</caption>' +
        '<thead><tr><th>Week</th><th>Aantal</th><th>Bron</th></tr></thead><tbody>' +
        '<tr><td>2020-W01</td><td style="text-align:right">27.000</td><td>a&lt;b&gt;.csv</td></tr>' +
        '<tr><td>2020-W02</td><td style="text-align:right">12,5</td><td></td></tr></tbody></table>',
    );
  });
});
