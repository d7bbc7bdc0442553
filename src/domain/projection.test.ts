import { describe, expect, it } from 'vitest';
import type { BacklogSummary } from './backlog';
import { project, requiredDecisionsPerWeek, DEFAULT_SCENARIO, weekBackAt } from './projection';

const summary: BacklogSummary = {
  mode: 'reconciled',
  latestWeek: '2020-W52',
  latestWeekStart: '2020-12-21',
  open: 1000,
  applicationsRate: 100,
  decisionsRate: 80,
  netChangeSd: 10,
  waitWeeks: 12.5,
  waitBaseline: 5,
  openBaseline: 400,
  weeksDiffering: 0,
  partialWeek: null,
  completeFrom: null,
};

describe('project', () => {
  it('carries the trailing rates forward across week 53, with a band that widens with the square root of time', () => {
    const weeks = project(summary, { ...DEFAULT_SCENARIO, weeks: 4 });
    expect(weeks.map((w) => [w.week, w.open])).toEqual([
      ['2020-W53', 1020],
      ['2021-W01', 1040],
      ['2021-W02', 1060],
      ['2021-W03', 1080],
    ]);
    expect(weeks[3].high - weeks[3].open).toBeCloseTo(1.2816 * 10 * 2, 9);
    expect(weeks[0].weekStart).toBe('2020-12-28');
  });

  it('applies the scenario and never goes below zero', () => {
    const weeks = project(summary, { weeks: 30, extraDecisionsPerWeek: 40, inflowChangePct: -10 });
    // Net: 90 - 120 = -30 a week: 1000 - 30k.
    expect(weeks[0].open).toBe(970);
    expect(weeks[29].open).toBe(100);
    expect(project({ ...summary, open: 10 }, { weeks: 2, extraDecisionsPerWeek: 100, inflowChangePct: 0 }).map((w) => w.open)).toEqual([0, 0]);
  });
});

describe('requiredDecisionsPerWeek', () => {
  it('solves for the decisions that bring the stock to the target by the target week', () => {
    // 10 weeks from 2020-W52 to 2021-W09; (1000 - 400) / 10 = 60 above the inflow of 100.
    expect(requiredDecisionsPerWeek(summary, DEFAULT_SCENARIO, 400, '2021-03-01')).toBe(160);
    // With 10% less inflow: 90 + 60.
    expect(requiredDecisionsPerWeek(summary, { ...DEFAULT_SCENARIO, inflowChangePct: -10 }, 400, '2021-03-01')).toBe(150);
    expect(requiredDecisionsPerWeek(summary, DEFAULT_SCENARIO, 400, '2020-12-21')).toBeNull();
  });

  it('cannot be computed, and no projection made, where the inflow is unknown (stock-only data): never taken as zero', () => {
    const stockOnly: BacklogSummary = { ...summary, mode: 'flow_from_stock', applicationsRate: null };
    expect(requiredDecisionsPerWeek(stockOnly, DEFAULT_SCENARIO, 400, '2021-03-01')).toBeNull();
    expect(project(stockOnly, DEFAULT_SCENARIO)).toEqual([]);
  });
});

describe('weekBackAt', () => {
  const weeks = (opens: number[]) => opens.map((open, i) => ({ week: `2022-W0${i + 1}`, weekStart: '', open, low: open, high: open }));
  it('gives the first projected week at or below the target, or null when none is', () => {
    expect(weekBackAt(weeks([120, 110, 100, 90]), 100)).toBe('2022-W03');
    expect(weekBackAt(weeks([120, 110, 100.5]), 100)).toBeNull();
    expect(weekBackAt([], 100)).toBeNull();
  });
});
