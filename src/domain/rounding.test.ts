import { describe, expect, it } from 'vitest';
import { roundForLetter, roundingStep, roundPercent } from './rounding';

describe('roundForLetter', () => {
  it.each([
    // Below 10: whole numbers.
    [0, 0],
    [0.49, 0],
    [0.5, 1],
    [4.96, 5],
    [7.34, 7],
    [9.49, 9],
    // 9,5 is in the whole-number class and rounds up to 10.
    [9.5, 10],
    // From 10: fives.
    [10, 10],
    [12.49, 10],
    [12.5, 15],
    [15.17, 15],
    [19.44, 20],
    [39.67, 40],
    [79.91, 80],
    [97.49, 95],
    [97.5, 100],
    [99.99, 100],
    // From 100: tens.
    [100, 100],
    [104.99, 100],
    [105, 110],
    [139.37, 140],
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

  it('never leaves a decimal', () => {
    for (let x = 0; x < 20_000; x += 0.37) expect(Number.isInteger(roundForLetter(x))).toBe(true);
  });

  it('reads the public letter\'s departures (shared/domain.md) from the sample\'s exact means', () => {
    expect([39.67, 19.44, 79.91, 139.37].map((x) => roundForLetter(x))).toEqual([40, 20, 80, 140]);
  });

  it('rounds a part to its whole\'s step: "circa 40, waarvan circa 15", "circa 140, waarvan circa 50"', () => {
    expect(roundForLetter(15.17, roundingStep(39.67))).toBe(15);
    expect(roundForLetter(7.44, roundingStep(19.44))).toBe(5);
    expect(roundForLetter(53.4, roundingStep(139.37))).toBe(50);
    expect(roundForLetter(7.4, roundingStep(1_234))).toBe(0);
  });

  it('rounds a negative figure as its size, keeping the sign', () => {
    expect(roundForLetter(-17.5)).toBe(-20);
    expect(roundForLetter(-1_234)).toBe(-1_200);
    expect(roundForLetter(-3.5)).toBe(-4);
    expect(Object.is(roundForLetter(-0.2), 0)).toBe(true);
  });

  it('gives the same answer every time for a figure just below a boundary', () => {
    expect(roundForLetter(12.499999)).toBe(10);
    expect(roundForLetter(0.1 + 0.2)).toBe(0);
  });
});

describe('roundingStep', () => {
  it.each([
    [9.99, 1],
    [10, 5],
    [99.99, 5],
    [100, 10],
    [999, 10],
    [1_000, 100],
    [10_000, 1_000],
  ])('gives %d the step %d', (exact, step) => expect(roundingStep(exact)).toBe(step));
});

describe('roundPercent', () => {
  it('rounds to whole percents, halves away from zero', () => {
    expect(roundPercent(57.49)).toBe(57);
    expect(roundPercent(57.5)).toBe(58);
    expect(roundPercent(-2.5)).toBe(-3);
  });
});
