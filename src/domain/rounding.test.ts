import { describe, expect, it } from 'vitest';
import { roundForLetter, roundPercent } from './rounding';

describe('roundForLetter', () => {
  it.each([
    // Below 10: as it is, to one decimal.
    [0, 0],
    [4.96, 5],
    [5, 5],
    [7.34, 7.3],
    [7.35, 7.4],
    [9.94, 9.9],
    // From 10: tens.
    [9.96, 10],
    [10, 10],
    [14.99, 10],
    [15, 20],
    [80.4, 80],
    [994.99, 990],
    [995, 1_000],
    // From 1.000: hundreds.
    [1_000, 1_000],
    [1_049, 1_000],
    [1_050, 1_100],
    [9_949.9, 9_900],
    [9_950, 10_000],
    // From 10.000: thousands.
    [10_000, 10_000],
    [10_499, 10_000],
    [10_500, 11_000],
    [27_340, 27_000],
    [999_500, 1_000_000],
  ])('rounds %d to %d', (exact, rounded) => {
    expect(roundForLetter(exact)).toBe(rounded);
  });

  it('rounds a negative figure as its size, keeping the sign', () => {
    expect(roundForLetter(-15)).toBe(-20);
    expect(roundForLetter(-1_234)).toBe(-1_200);
    expect(roundForLetter(-3.25)).toBe(-3.3);
  });

  it('gives the same answer every time for a figure just below a boundary', () => {
    expect(roundForLetter(14.999999)).toBe(10);
    expect(roundForLetter(0.1 + 0.2)).toBe(0.3);
  });
});

describe('roundPercent', () => {
  it('rounds to whole percents, halves away from zero', () => {
    expect(roundPercent(57.49)).toBe(57);
    expect(roundPercent(57.5)).toBe(58);
    expect(roundPercent(-2.5)).toBe(-3);
  });
});
