/**
 * How a letter rounds a figure it calls "circa", with no decimals and never more precise than
 * the figure is honest: below 10 to whole numbers; below 100 to fives; below 1.000 to tens;
 * below 10.000 to hundreds; from 10.000 to thousands. The class follows the exact figure, halves
 * round away from zero: 9,5 is "circa 10", 97,5 "circa 100", 995 "circa 1.000". Calibrated on the
 * letter of 5 October 2020: departures of 39,7, 19,4, 79,9 and 139,4 a week read 40, 20, 80, 140.
 */
export function roundingStep(exact: number): number {
  const size = Math.abs(exact);
  return size < 10 ? 1 : size < 100 ? 5 : size < 1_000 ? 10 : size < 10_000 ? 100 : 1_000;
}

/** `exact` rounded to `step` (by default its own class's); a part is given its whole's step. */
export function roundForLetter(exact: number, step = roundingStep(exact)): number {
  // The tiny nudge keeps a half a half where division leaves binary noise just below it.
  const rounded = Math.sign(exact) * Math.round(Math.abs(exact) / step + 1e-9) * step;
  return rounded === 0 ? 0 : rounded;
}

/** A percentage in a sentence: whole percents. */
export function roundPercent(exact: number): number {
  return Math.sign(exact) * Math.round(Math.abs(exact));
}
