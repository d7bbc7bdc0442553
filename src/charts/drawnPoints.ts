/**
 * The points of a week chart's series worth drawing, and their SVG paths. A series over forty
 * years has 2,000 weeks for a plot a few hundred pixels wide: drawn through Recharts' own series,
 * each chart took a quarter second in one task. Of the weeks that fall in one pixel column, the
 * lowest and the highest are kept (never an average, so no peak is lost), with each stretch's
 * first and last week; a week without a figure still breaks the line, and a week alone between
 * empty weeks is still a stretch of its own. With a pixel or more per week, every week is kept.
 */

export type Values = readonly (number | null)[];

/**
 * The indexes to draw, per stretch of weeks that have a figure in `defined`: each stretch's
 * first and last, and in each pixel column (`xs` floored) the lowest and highest of every one of
 * `series` (an area keeps its top's and its base's), in week order.
 */
export function pointsToDraw(xs: readonly number[], defined: Values, series: readonly Values[] = [defined]): number[][] {
  const runs: number[][] = [];
  const n = defined.length;
  for (let start = 0; start < n; start++) {
    if (defined[start] == null) continue;
    let end = start;
    while (end + 1 < n && defined[end + 1] != null) end++;
    const keep = new Set<number>([start, end]);
    for (let i = start; i <= end; ) {
      const column = Math.floor(xs[i]);
      let last = i;
      while (last + 1 <= end && Math.floor(xs[last + 1]) === column) last++;
      if (last > i) for (const values of series) extremes(values, i, last, keep);
      else keep.add(i);
      i = last + 1;
    }
    runs.push([...keep].sort((a, b) => a - b));
    start = end;
  }
  return runs;
}

/** Adds the indexes of the lowest and highest figure between `from` and `to` (inclusive). */
function extremes(values: Values, from: number, to: number, keep: Set<number>): void {
  let low = -1;
  let high = -1;
  for (let i = from; i <= to; i++) {
    const v = values[i];
    if (v == null) continue;
    if (low < 0 || v < (values[low] as number)) low = i;
    if (high < 0 || v > (values[high] as number)) high = i;
  }
  if (low >= 0) keep.add(low);
  if (high >= 0) keep.add(high);
}

/** As d3's path: three decimals. */
const round = (v: number) => Math.round(v * 1000) / 1000;
const point = (x: number, y: number) => `${round(x)},${round(y)}`;

/** A line through each stretch; a stretch of one week is a closed point, as Recharts (d3) draws it. */
export function linePath(runs: readonly number[][], xs: readonly number[], ys: readonly number[]): string {
  return runs.map((run) => `M${run.map((i) => point(xs[i], ys[i])).join('L')}${run.length === 1 ? 'Z' : ''}`).join('');
}

/** The area between `tops` and `bases` over each stretch: along the top, back along the base. */
export function areaPath(runs: readonly number[][], xs: readonly number[], tops: readonly number[], bases: readonly number[]): string {
  return runs
    .map((run) => {
      const top = run.map((i) => point(xs[i], tops[i]));
      const base = [...run].reverse().map((i) => point(xs[i], bases[i]));
      return `M${[...top, ...base].join('L')}Z`;
    })
    .join('');
}

/** Stacked series: each one's base (the sum of those below, a missing figure counting as none) and top. */
export function stack(series: readonly Values[]): { base: number[]; top: number[] }[] {
  const n = series[0]?.length ?? 0;
  const sum = new Array<number>(n).fill(0);
  return series.map((values) => {
    const base = [...sum];
    for (let i = 0; i < n; i++) sum[i] += values[i] ?? 0;
    return { base, top: [...sum] };
  });
}

/** A week with a figure and none on either side: drawn as a dot, as it has no line. */
export const isolated = (values: Values, i: number) => values[i] != null && values[i - 1] == null && values[i + 1] == null;
