import { describe, expect, it } from 'vitest';
import { timeTicks } from './ticks';

const range = (from: [number, number], count: number): string[] => {
  const weeks: string[] = [];
  let [year, week] = from;
  for (let i = 0; i < count; i++) {
    weeks.push(`${year}-W${String(week).padStart(2, '0')}`);
    const last = year === 2020 || year === 2026 ? 53 : 52;
    week = week === last ? 1 : week + 1;
    if (week === 1) year++;
  }
  return weeks;
};

describe('timeTicks', () => {
  it('ticks years on a long range', () => {
    const t = timeTicks(range([2019, 1], 156), 'nl');
    expect(t.ticks).toEqual(['2019-W01', '2020-W01', '2021-W01']);
    expect(t.ticks.map(t.format)).toEqual(['2019', '2020', '2021']);
  });

  it('ticks quarters up to about two years, across week 53', () => {
    const t = timeTicks(range([2020, 10], 60), 'nl');
    // 2020-W10 to 2021-W16: 2020 has 53 weeks.
    expect(t.ticks).toEqual(['2020-W14', '2020-W27', '2020-W40', '2021-W01', '2021-W14']);
    expect(t.format('2020-W40')).toBe('K4 2020');
    expect(timeTicks(range([2020, 10], 60), 'en').format('2020-W40')).toBe('Q4 2020');
  });

  it('ticks week numbers only on a short range, at a regular step', () => {
    const t = timeTicks(range([2020, 12], 26), 'nl');
    expect(t.ticks).toEqual(['2020-W13', '2020-W17', '2020-W21', '2020-W25', '2020-W29', '2020-W33', '2020-W37']);
    expect(t.format('2020-W13')).toBe("wk 13 '20");
    expect(timeTicks(range([2020, 12], 6), 'nl').ticks).toHaveLength(6);
  });
});
