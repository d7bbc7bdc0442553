import { describe, expect, it } from 'vitest';
import { parseCount, parseDecimal } from './numbers';

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
