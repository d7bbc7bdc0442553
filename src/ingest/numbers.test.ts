import { describe, expect, it } from 'vitest';
import { decimalConvention, parseCount, parseDecimal, parseInColumn } from './numbers';

describe('counts', () => {
  it.each([
    ['0', 0],
    ['140', 140],
    [' 27 ', 27],
    ['1.234', 1234],
    ['27.000', 27000],
    ['1.234.567', 1234567],
    ['1 234', 1234],
    ['1\u00a0234', 1234],
    ['12,00', 12],
    ['1.234,0', 1234],
    ['-0', 0],
  ])('reads %j as %d', (text, value) => {
    expect(parseCount(text)).toEqual({ kind: 'value', value });
  });

  it.each(['', '   ', '-', '.', 'x', 'n.v.t.', 'NVT', 'n/a'])('treats %j as missing, not zero', (text) => {
    expect(parseCount(text)).toEqual({ kind: 'missing' });
  });

  it.each([
    ['-5', 'negative'],
    ['−12', 'negative'],
    ['12,5', 'decimal'],
    ['12.5', 'decimal'],
    ['1.23', 'decimal'],
    ['-2,5', 'negative'],
    ['1,234', 'ambiguous_comma'],
    ['abc', 'not_a_number'],
    ['12a', 'not_a_number'],
    ['1.2345', 'decimal'],
    ['1E3', 'not_a_number'],
  ])('rejects %j as %s', (text, reason) => {
    expect(parseCount(text)).toMatchObject({ kind: 'error', reason });
  });
});

describe('decimals for columns outside the catalogue', () => {
  it.each([
    ['12,5', 12.5],
    ['1.234,75', 1234.75],
    ['1.234', 1234],
    ['0.5', 0.5],
    ['-3,25', -3.25],
    ['42', 42],
  ])('reads %j as %d', (text, value) => {
    expect(parseDecimal(text)).toEqual({ kind: 'value', value });
  });

  it('refuses text', () => {
    expect(parseDecimal('hoog')).toMatchObject({ kind: 'error' });
  });
});

describe('a custom column decides its decimal convention from all its cells', () => {
  const read = (cells: string[]) => {
    const convention = decimalConvention(cells);
    return { convention, values: cells.map((c) => parseInColumn(c, convention)) };
  };

  it('reads an English-written column as decimals, never 955 or 24.512', () => {
    const { convention, values } = read(['0.875', '0.125', '0.955', '1.5']);
    expect(convention).toBe('point');
    expect(values).toEqual([0.875, 0.125, 0.955, 1.5].map((value) => ({ kind: 'value', value })));
    const english = read(['24,512', '1,234.5', '12']);
    expect(english.convention).toBe('point');
    expect(english.values[0]).toEqual({ kind: 'value', value: 24512 });
  });

  it('reads a Dutch-written column with a decimal comma', () => {
    const { convention, values } = read(['12,5', '1.234', '0,875']);
    expect(convention).toBe('comma');
    expect(values).toEqual([12.5, 1234, 0.875].map((value) => ({ kind: 'value', value })));
  });

  it('rejects what the column leaves ambiguous, with the reason', () => {
    expect(read(['1.234', '512']).values[0]).toEqual({ kind: 'value', value: 1234 });
    expect(read(['24,512', '7']).values[0]).toMatchObject({ kind: 'error', reason: 'ambiguous_comma' });
    const mixed = read(['12,5', '0.5', '7', '1,234']);
    expect(mixed.convention).toBe('conflict');
    expect(mixed.values.map((v) => v.kind)).toEqual(['value', 'value', 'value', 'error']);
  });

  it('treats NULL, null and (leeg) as empty, as SQL and BI exports write it', () => {
    for (const text of ['NULL', 'null', '(leeg)']) expect(parseInColumn(text, 'unknown')).toEqual({ kind: 'missing' });
    expect(parseCount('NULL')).toEqual({ kind: 'missing' });
  });

  it('never reads 0.125 in a count column as 125', () => {
    expect(parseCount('0.125')).toMatchObject({ kind: 'error', reason: 'decimal' });
    expect(parseCount('0.955')).toMatchObject({ kind: 'error' });
  });
});
