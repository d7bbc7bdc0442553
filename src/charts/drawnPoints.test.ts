import { describe, expect, it } from 'vitest';
import { areaPath, linePath, pointsToDraw, stack } from './drawnPoints';

/** Seeded figures, so a failure can be read again. */
function figures(count: number, seed = 7): number[] {
  let s = seed;
  return Array.from({ length: count }, () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return 100 + (s % 400);
  });
}

/** `count` weeks spread over `width` pixels, as the time axis places them. */
const spread = (count: number, width: number) => Array.from({ length: count }, (_, i) => 40 + (i * width) / (count - 1));

describe('the points drawn of a long series', () => {
  it('keeps every week when each has a pixel column of its own', () => {
    const values = figures(157);
    expect(pointsToDraw(spread(157, 482), values)).toEqual([values.map((_, i) => i)]);
  });

  it('keeps, in every pixel column, the week with the lowest and the week with the highest figure, and the ends', () => {
    const values = figures(2_084);
    const xs = spread(2_084, 482);
    const [kept] = pointsToDraw(xs, values);
    expect(kept.length).toBeLessThan(2_084 / 1.5);
    expect(kept[0]).toBe(0);
    expect(kept.at(-1)).toBe(2_083);
    expect(kept).toEqual([...kept].sort((a, b) => a - b));
    const columns = new Map<number, number[]>();
    values.forEach((_, i) => columns.set(Math.floor(xs[i]), [...(columns.get(Math.floor(xs[i])) ?? []), i]));
    for (const weeks of columns.values()) {
      const shown = weeks.filter((i) => kept.includes(i)).map((i) => values[i]);
      const all = weeks.map((i) => values[i]);
      expect(Math.min(...shown)).toBe(Math.min(...all));
      expect(Math.max(...shown)).toBe(Math.max(...all));
    }
    // Never a figure of its own making: the kept points are weeks, with their own figures.
    expect(Math.max(...kept.map((i) => values[i]))).toBe(Math.max(...values));
  });

  it('keeps a single week\'s peak between quiet weeks, in any column', () => {
    const values = new Array<number>(2_000).fill(10);
    values[1_234] = 9_999;
    values[77] = -5;
    const [kept] = pointsToDraw(spread(2_000, 300), values);
    expect(kept).toContain(1_234);
    expect(kept).toContain(77);
  });

  it('keeps gaps as gaps, and a week alone between empty weeks as a stretch of its own', () => {
    const values: (number | null)[] = figures(2_000);
    for (let i = 500; i < 520; i++) values[i] = null;
    values[900] = null;
    values[902] = null;
    const runs = pointsToDraw(spread(2_000, 300), values);
    expect(runs.map((r) => [r[0], r.at(-1)])).toEqual([
      [0, 499],
      [520, 899],
      [901, 901],
      [903, 1_999],
    ]);
    for (const run of runs) for (const i of run) expect(values[i]).not.toBeNull();
    expect(linePath([[0]], [5], [7])).toBe('M5,7Z');
  });

  it('keeps an area\'s top and base extremes both', () => {
    const lower = figures(2_000, 3);
    const upper = figures(2_000, 11);
    const [below, above] = stack([lower, upper]);
    const xs = spread(2_000, 300);
    const [kept] = pointsToDraw(xs, above.top, [above.top, above.base]);
    const [keptBelow] = pointsToDraw(xs, below.top, [below.top]);
    // Every point of the lower area's top is also a point of the upper area's base.
    expect(keptBelow.filter((i) => !kept.includes(i))).toEqual([]);
  });
});

describe('paths', () => {
  it('draws lines and areas as d3 does, a point of a stack standing on the series below', () => {
    const [below, above] = stack([
      [1, null, 3],
      [10, 20, null],
    ]);
    expect(below).toEqual({ base: [0, 0, 0], top: [1, 0, 3] });
    expect(above).toEqual({ base: [1, 0, 3], top: [11, 20, 3] });
    expect(linePath([[0, 1, 2]], [0, 1.23456, 2], [5, 6, 7])).toBe('M0,5L1.235,6L2,7');
    expect(areaPath([[0, 1]], [0, 1], [5, 6], [9, 9])).toBe('M0,5L1,6L1,9L0,9Z');
  });
});
