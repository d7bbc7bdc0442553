/**
 * How a letter rounds a figure it calls "circa": below 10 as it is (to one decimal); below
 * 1.000 to tens; below 10.000 to hundreds; from 10.000 to thousands. The class follows the
 * exact figure, halves round away from zero: 995 is "circa 1.000", 9.950 "circa 10.000".
 */
export function roundForLetter(exact: number): number {
  const size = Math.abs(exact);
  const step = size < 10 ? 0.1 : size < 1_000 ? 10 : size < 10_000 ? 100 : 1_000;
  // The tiny nudge keeps a half a half: 7.35 / 0.1 is 73.49999999999999 in binary.
  const rounded = Math.sign(exact) * Math.round(size / step + 1e-9) * step;
  // 0.1 steps leave binary noise (0.30000000000000004); one decimal is what is meant.
  return step < 1 ? Math.round(rounded * 10) / 10 : rounded;
}

/** A percentage in a sentence: whole percents. */
export function roundPercent(exact: number): number {
  return Math.sign(exact) * Math.round(Math.abs(exact));
}
