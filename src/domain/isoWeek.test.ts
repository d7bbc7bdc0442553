import { describe, expect, it } from 'vitest';
import { addIsoWeeks, formatIsoWeek, inOrder, isoWeekMonday, isoWeekOfDate, isoWeeksBetween, isoWeeksInYear, parseCalendarDate, parseIsoWeekLabel, parseWeekCell, parseYearAndWeek, weeksBetween } from './isoWeek';

const weekOf = (text: string) => {
  const parsed = parseWeekCell(text);
  return parsed.ok ? formatIsoWeek(parsed.week) : parsed.reason;
};

describe('ISO weeks', () => {
  it('knows which years have 53 weeks', () => {
    expect([2015, 2019, 2020, 2021, 2026].map(isoWeeksInYear)).toEqual([53, 52, 53, 52, 53]);
  });

  it('puts the Monday of a week on the right calendar day, also around new year', () => {
    expect(isoWeekMonday({ year: 2020, week: 1 })).toBe('2019-12-30');
    expect(isoWeekMonday({ year: 2020, week: 12 })).toBe('2020-03-16');
    expect(isoWeekMonday({ year: 2020, week: 27 })).toBe('2020-06-29');
    expect(isoWeekMonday({ year: 2020, week: 53 })).toBe('2020-12-28');
    expect(isoWeekMonday({ year: 2021, week: 1 })).toBe('2021-01-04');
  });

  it('assigns dates near new year to the ISO week year, not the calendar year', () => {
    expect(formatIsoWeek(isoWeekOfDate('2021-01-03'))).toBe('2020-W53');
    expect(formatIsoWeek(isoWeekOfDate('2019-12-30'))).toBe('2020-W01');
    expect(formatIsoWeek(isoWeekOfDate('2021-01-04'))).toBe('2021-W01');
  });

  it.each([
    ['2020-W27', '2020-W27'],
    ['2020W27', '2020-W27'],
    ['2020-w7', '2020-W07'],
    ['2020-27', '2020-W27'],
    ['2020 week 27', '2020-W27'],
    ['2020 wk 27', '2020-W27'],
    ['wk 27 2020', '2020-W27'],
    ['Week 27-2020', '2020-W27'],
    ['week 27, 2020', '2020-W27'],
    ['2020-06-29', '2020-W27'],
    ['29-06-2020', '2020-W27'],
    ['29/06/2020', '2020-W27'],
    ['2020-W53', '2020-W53'],
    ['28-12-2020', '2020-W53'],
  ])('reads %s as %s', (text, week) => {
    expect(weekOf(text)).toBe(week);
  });

  it('rejects weeks that do not exist, with the reason', () => {
    expect(weekOf('2019-W53')).toBe('week_53_missing');
    expect(weekOf('2021-W53')).toBe('week_53_missing');
    expect(weekOf('2020-W54')).toBe('week_out_of_range');
    expect(weekOf('2020-W00')).toBe('week_out_of_range');
    expect(weekOf('31-02-2020')).toBe('invalid_date');
    expect(weekOf('06/29/2020')).toBe('invalid_date');
    expect(weekOf('juni 2020')).toBe('not_a_week');
  });

  it('reads separate year and week columns', () => {
    const parsed = parseYearAndWeek('2020', '53');
    expect(parsed.ok && formatIsoWeek(parsed.week)).toBe('2020-W53');
    expect(parseYearAndWeek('2019', '53')).toMatchObject({ ok: false, reason: 'week_53_missing' });
    expect(parseYearAndWeek('2020', 'wk 5')).toMatchObject({ ok: true, week: { year: 2020, week: 5 } });
  });

  it('reads calendar dates day-first and never month-first', () => {
    expect(parseCalendarDate('15-03-2020')).toBe('2020-03-15');
    expect(parseCalendarDate('1/7/2020')).toBe('2020-07-01');
    expect(parseCalendarDate('2020-02-29')).toBe('2020-02-29');
    expect(parseCalendarDate('2019-02-29')).toBeNull();
    expect(parseCalendarDate('03/15/2020')).toBeNull();
  });
});

describe('week labels with text around them', () => {
  it.each([
    ['Week 27 (29-06 t/m 05-07-2020)', '2020-W27'],
    ['week 53 (28-12-2020 t/m 03-01-2021)', '2020-W53'],
    ['Wk 1 (2021)', '2021-W01'],
    ['wk27-2020', '2020-W27'],
    ['2020 wk 27', '2020-W27'],
    ['WK 27 2020', '2020-W27'],
  ])('reads %s as %s', (text, week) => {
    const parsed = parseWeekCell(text);
    expect(parsed.ok && formatIsoWeek(parsed.week)).toBe(week);
  });

  it('rejects a label whose dates lie in another week', () => {
    expect(parseWeekCell('Week 28 (29-06 t/m 05-07-2020)')).toEqual({ ok: false, reason: 'not_a_week' });
    expect(parseWeekCell('Week 53 (2021)')).toMatchObject({ ok: false, reason: 'week_53_missing' });
  });
});

describe('week arithmetic', () => {
  it('steps over 2020-W53 and the year boundary', () => {
    expect(formatIsoWeek(addIsoWeeks({ year: 2020, week: 52 }, 1))).toBe('2020-W53');
    expect(formatIsoWeek(addIsoWeeks({ year: 2020, week: 52 }, 2))).toBe('2021-W01');
    expect(formatIsoWeek(addIsoWeeks({ year: 2021, week: 26 }, -25))).toBe('2021-W01');
    expect(formatIsoWeek(addIsoWeeks({ year: 2021, week: 1 }, -1))).toBe('2020-W53');
  });

  it('reads only existing ISO week labels', () => {
    expect(parseIsoWeekLabel('2020-W53')).toEqual({ year: 2020, week: 53 });
    expect(parseIsoWeekLabel('2019-W53')).toBeNull();
    expect(parseIsoWeekLabel('2020-53')).toBeNull();
  });
});

describe('week arithmetic (date-fns, weeks from Monday)', () => {
  it('lists every ISO week between two dates, week 53 and the turn of the year included', () => {
    expect(isoWeeksBetween('2020-12-21', '2021-01-11')).toEqual(['2020-W52', '2020-W53', '2021-W01', '2021-W02']);
    // From a Sunday: its own ISO week (Monday to Sunday) comes first.
    expect(isoWeeksBetween('2020-06-28', '2020-06-30')).toEqual(['2020-W26', '2020-W27']);
    expect(isoWeeksBetween('2021-03-22', '2021-11-01')).toHaveLength(33);
  });

  it('counts the weeks between two weeks across the turn of the year and both clock changes', () => {
    expect(weeksBetween('2020-12-28', '2021-01-04')).toBe(1);
    expect(weeksBetween('2021-03-22', '2021-04-05')).toBe(2);
    expect(weeksBetween('2021-10-25', '2021-11-01')).toBe(1);
    expect(weeksBetween('2020-06-28', '2020-06-29')).toBe(1);
    expect(weeksBetween('2021-01-04', '2020-12-28')).toBe(-1);
    expect(weeksBetween('2019-12-30', '2021-01-04')).toBe(53);
  });

  it('puts a period given back to front in order, leaving open ends alone', () => {
    expect(inOrder('2020-W37', '2020-W27')).toEqual(['2020-W27', '2020-W37']);
    expect(inOrder('2020-06-29', '2020-07-06')).toEqual(['2020-06-29', '2020-07-06']);
    expect(inOrder(null, '2020-W27')).toEqual([null, '2020-W27']);
  });
});
