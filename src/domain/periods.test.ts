import { describe, expect, it } from 'vitest';
import { formatPeriod, parsePeriod } from './periods';

const label = (text: string) => {
  const p = parsePeriod(text);
  return p ? `${formatPeriod(p.period)}${p.provisional ? '*' : ''}` : null;
};

describe('parsePeriod', () => {
  it.each([
    ['2020-01', '2020-01'],
    ['2020-12', '2020-12'],
    ['2020/3', '2020-03'],
    ['2020M01', '2020-01'],
    ['2020m12', '2020-12'],
    ['2020MM01', '2020-01'],
    ['2020 januari', '2020-01'],
    ['2014  februari', '2014-02'],
    ['2020 dec', '2020-12'],
    ['jan 2020', '2020-01'],
    ['januari 2020', '2020-01'],
    ['dec 2020', '2020-12'],
    ['Mrt. 2021', '2021-03'],
    ['okt-2020', '2020-10'],
    ['2020 december', '2020-12'],
    ['March 2020', '2020-03'],
  ])('reads the month %s as %s', (text, expected) => expect(label(text)).toBe(expected));

  it.each([
    ['2020Q1', '2020-Q1'],
    ['2020-Q4', '2020-Q4'],
    ['2020KW01', '2020-Q1'],
    ['2020 1e kwartaal', '2020-Q1'],
    ['2020 3de kwartaal', '2020-Q3'],
    ['2020 eerste kwartaal', '2020-Q1'],
    ['1e kwartaal 2020', '2020-Q1'],
    ['Q2 2021', '2021-Q2'],
  ])('reads the quarter %s as %s', (text, expected) => expect(label(text)).toBe(expected));

  it.each([
    ['2020', '2020'],
    ['2020JJ00', '2020'],
    ['2019 ', '2019'],
  ])('reads the year %s as %s', (text, expected) => expect(label(text)).toBe(expected));

  it('keeps a trailing * (CBS: provisional) as a flag', () => {
    expect(parsePeriod('2023 december*')).toEqual({ period: { grain: 'month', year: 2023, month: 12 }, provisional: true });
    expect(parsePeriod('2023MM12 *')).toEqual({ period: { grain: 'month', year: 2023, month: 12 }, provisional: true });
    expect(parsePeriod('2023*')).toEqual({ period: { grain: 'year', year: 2023 }, provisional: true });
    expect(parsePeriod('2023')).toEqual({ period: { grain: 'year', year: 2023 }, provisional: false });
  });

  it.each(['2020-W27', '2020-27', '2020 week 27', 'wk 27 2020', '29-06-2020', '2020-06-29', '2020-13', '2020M13', '2020Q5', '2020KW05', 'Totaal', '', '12', '1234', '2020 foo'])(
    'names no month, quarter or year in %s',
    (text) => expect(parsePeriod(text)).toBeNull(),
  );
});
