import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';
import { markCopy, markFileName, markRows } from './provenance';

describe('the fictional mark', () => {
  const mark = 'Fictieve voorbeelddata';

  it('opens copied text and HTML', () => {
    expect(markCopy({ text: 'circa 80 per week', html: '<p>circa 80 per week</p>' }, mark)).toEqual({
      text: 'Fictieve voorbeelddata\ncirca 80 per week',
      html: '<p><strong>Fictieve voorbeelddata</strong></p><p>circa 80 per week</p>',
    });
  });

  it('is a column on every CSV row, and in the file name', () => {
    expect(toCsv(markRows([['Week', 'Vertrek'], ['2020-W27', 80]], mark), 'standard')).toBe('Week,Vertrek,Fictieve voorbeelddata\r\n2020-W27,80,Fictieve voorbeelddata\r\n');
    expect(markFileName('Aantoonbaar vertrek', mark)).toBe('Aantoonbaar vertrek Fictieve voorbeelddata');
  });

  it('is absent for real data', () => {
    expect(markCopy({ text: 'a', html: 'b' }, null)).toEqual({ text: 'a', html: 'b' });
    expect(markRows([['a']], null)).toEqual([['a']]);
    expect(markFileName('x', null)).toBe('x');
  });
});
