import { describe, expect, it } from 'vitest';
import { customMetricId, isWeekHeader, isYearHeader, matchMetricHeader, normaliseHeader } from './headers';

describe('header aliases', () => {
  it.each([
    ['Gehoren fysiek', 'hearings_physical'],
    ['fysieke gehoren', 'hearings_physical'],
    ['hearings_physical', 'hearings_physical'],
    ['  FYSIEKE   GEHOREN ', 'hearings_physical'],
    ['Telehoren', 'hearings_tele'],
    ['Gehoren (video)', 'hearings_tele'],
    ['Eerste asielaanvragen', 'asylum_first'],
    ['Eerste asielaanvragen (aantal)', 'asylum_first'],
    ['Opvolgende aanvragen', 'asylum_followup'],
    ['Nareis-aanvragen', 'nareis_applications'],
    ['Nareisbesluiten', 'nareis_decisions'],
    ['Openstaande nareisaanvragen', 'nareis_open'],
    ['Aantoonbaar vertrek', 'departures_total'],
    ['Dublin overdrachten', 'dublin_transfers'],
    ['Dublinoverdrachten', 'dublin_transfers'],
    ['Dublinoverdrachten gedwongen', 'dublin_transfers_forced'],
    ['dublin_transfers_forced', 'dublin_transfers_forced'],
    ['Gedwongen vertrek', 'departures_forced'],
  ])('matches %j to %s', (header, metric) => {
    expect(matchMetricHeader(header)?.metric).toBe(metric);
  });

  it('reads "waarvan gedwongen" as the forced part of the column before it', () => {
    expect(matchMetricHeader('waarvan gedwongen', 'departures_total')).toEqual({ metric: 'departures_forced', via: 'forced_part' });
    expect(matchMetricHeader('Waarvan gedwongen', 'dublin_transfers')).toEqual({ metric: 'dublin_transfers_forced', via: 'forced_part' });
    expect(matchMetricHeader('waarvan gedwongen')).toBeNull();
    expect(matchMetricHeader('waarvan gedwongen', 'hearings_tele')).toBeNull();
  });

  it('ignores accents and punctuation', () => {
    expect(normaliseHeader('Aanvragen: één-op-één (België)')).toBe('aanvragen een op een belgie');
  });

  it('does not match unrelated headers', () => {
    expect(matchMetricHeader('COA bezetting')).toBeNull();
    expect(matchMetricHeader('Opmerking')).toBeNull();
  });

  it('recognises week and year columns', () => {
    expect(['Week', 'ISO-week', 'weeknummer', 'Datum', 'week_start'].every(isWeekHeader)).toBe(true);
    expect(['Jaar', 'year'].every(isYearHeader)).toBe(true);
    expect(isWeekHeader('Telehoren')).toBe(false);
  });

  it('names custom metrics after their header', () => {
    expect(customMetricId('COA-bezetting (totaal)')).toBe('custom_coa_bezetting_totaal');
  });
});

