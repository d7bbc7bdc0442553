import { describe, expect, it } from 'vitest';
import { describeProblem, describeReject, describeSkip, describeWarning, problemDetail } from './describe';

describe("the engine's own messages", () => {
  it('are said in Dutch, with the original kept as a detail', () => {
    const problem = { code: 'read_failed' as const, message: 'Invalid Input Error: Invalid unicode (byte sequence mismatch) detected in value construction' };
    expect(describeProblem(problem, 'nl')).toBe('Het bestand kon niet worden gelezen: het bevat tekens die in de gebruikte codering geen geldige tekst zijn.');
    expect(describeProblem(problem, 'nl')).not.toMatch(/Invalid/);
    expect(problemDetail(problem)).toBe(problem.message);
    expect(describeProblem({ code: 'read_failed', message: 'Out of Memory Error: failed to allocate data of size 64.0 MiB' }, 'en')).toContain("this tab's memory ran out");
  });

  it('leave an unknown message as it is, without a second copy', () => {
    const problem = { code: 'read_failed' as const, message: 'iets onverwachts' };
    expect(describeProblem(problem, 'nl')).toBe('Het bestand kon niet worden gelezen: iets onverwachts');
    expect(problemDetail(problem)).toBeNull();
  });
});

describe('reader warnings', () => {
  it('name the lines of a repaired byte and the order of the dates', () => {
    expect(describeWarning({ code: 'encoding_repaired', encoding: 'utf-8', lines: [3, 9], count: 2 }, 'nl')).toContain('op regels 3 en 9');
    expect(describeWarning({ code: 'dates_month_first', line: 2 }, 'nl')).toContain('maand eerst');
    expect(describeWarning({ code: 'dates_ambiguous_order', count: 1, line: 2, text: '06/01/2020' }, 'en')).toContain('“06/01/2020” on line 2');
  });
});

describe('statistics readers', () => {
  it('name the country of a row skipped on purpose, in both languages', () => {
    const reason = { code: 'other_country' as const, country: 'BE', chosen: 'NL' };
    expect(describeSkip(reason, 'nl')).toBe('Cijfers van BE, niet van NL: overgeslagen (kies een ander land bij het bestand).');
    expect(describeSkip(reason, 'en')).toBe('Figures of BE, not of NL: skipped (choose another country at the file).');
  });

  it('name a month in a repeat or a conflict as the month, never as a week', () => {
    // The period as the user reads it, as for a period to come: "maart 2020", "1e kwartaal 2020", "2020".
    expect(describeSkip({ code: 'no_values_period', period: '2020-03' }, 'nl')).toBe('maart 2020: geen cijfers ingevuld.');
    expect(describeSkip({ code: 'no_values_period', period: '2020-03' }, 'en')).toBe('March 2020: no figures given.');
    expect(describeSkip({ code: 'no_values_period', period: '2020-Q1' }, 'nl')).toBe('1e kwartaal 2020: geen cijfers ingevuld.');
    expect(describeSkip({ code: 'no_values_period', period: '2020' }, 'nl')).toBe('2020: geen cijfers ingevuld.');
    expect(describeSkip({ code: 'period_to_come', period: '2021-02', exportDate: '2021-01-11' }, 'nl')).toBe('februari 2021 begint na de exportdatum 11-01-2021: nog geen cijfers.');
    expect(describeReject({ code: 'duplicate_conflict', week: '2020-03', firstLine: 2 }, 'nl')).toBe('2020-03 staat al op regel 2, met een andere waarde.');
    expect(describeReject({ code: 'duplicate_conflict', week: '2020-W12', firstLine: 2 }, 'nl')).toContain('week 12 2020');
    expect(describeReject({ code: 'dimension_missing', column: 'Geslacht' }, 'en')).toContain('“Geslacht”');
  });
});
