import { describe, expect, it } from 'vitest';
import { formatNumber, shortPeriodLabel, visibleName, weeksLabel } from './format';

describe('formats', () => {
  it('write numbers the Dutch way: 27.000; 12,5', () => {
    expect(formatNumber(27000, 'nl')).toBe('27.000');
    expect(formatNumber(12.5, 'nl')).toBe('12,5');
    expect(formatNumber(27000, 'en')).toBe('27,000');
  });

  it('write a span of weeks compactly, with both years when it crosses one', () => {
    expect(weeksLabel({ from: '2020-W12', to: '2020-W17' }, 'nl')).toBe('week 12–17 2020');
    expect(weeksLabel({ from: '2020-W50', to: '2021-W02' }, 'nl')).toBe('week 50 2020 – 2 2021');
    expect(weeksLabel({ from: '2020-W12', to: '2020-W17' }, 'en')).toBe('weeks 12–17 2020');
  });
});

describe('file names with control characters', () => {
  it('shows a right-to-left override and other controls as their code, never applied', () => {
    expect(visibleName('rapport\u202Evsc.exe')).toBe('rapport⟨U+202E⟩vsc.exe');
    expect(visibleName('week\u0007export.csv')).toBe('week⟨U+0007⟩export.csv');
    expect(visibleName('gehoren_2020-09-14.csv')).toBe('gehoren_2020-09-14.csv');
  });
});

describe('shortPeriodLabel', () => {
  it('writes a quarter as "K4 \'18" in Dutch and "Q4 \'18" in English, a month as its short name', () => {
    expect(shortPeriodLabel('2018-Q4', 'nl')).toBe("K4 '18");
    expect(shortPeriodLabel('2018-Q4', 'en')).toBe("Q4 '18");
    expect(shortPeriodLabel('2020-03', 'nl')).toBe("mrt. '20");
    expect(shortPeriodLabel('2020', 'nl')).toBe('2020');
  });
});

