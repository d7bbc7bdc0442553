import { describe, expect, it } from 'vitest';
import { customMetricId, headerUnit, isRowIdHeader, isWeekHeader, isYearHeader, matchMetricHeader, normaliseHeader } from './headers';

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


describe('units and kinds in headers', () => {
  it.each([
    ['Eerste asielaanvragen (x 1.000)', 'asylum_first', 1000],
    ['Eerste asielaanvragen x 1000', 'asylum_first', 1000],
    ['Eerste asielaanvragen (duizendtallen)', 'asylum_first', 1000],
    ['Aantoonbaar vertrek (aantal)', 'departures_total', undefined],
  ])('%j is %s, scaled by %s', (header, metric, scale) => {
    const match = matchMetricHeader(header);
    expect(match?.metric).toBe(metric);
    expect(match?.scale).toBe(scale);
  });

  it.each([
    ['Telehoren (%)', 'percent'],
    ['Aandeel telehoren', 'percent'],
    ['Dublinoverdrachten (cumulatief)', 'cumulative'],
    ['Cumulatieve dublinoverdrachten', 'cumulative'],
    ['Gemiddelde eerste asielaanvragen', 'average'],
    ['Aantoonbaar vertrek per 1.000 aanvragen', 'rate'],
  ])('never takes %j (a %s) as a catalogue count', (header, kind) => {
    expect(headerUnit(header).kind).toBe(kind);
    expect(matchMetricHeader(header)).toBeNull();
  });
});

describe('row ids', () => {
  it.each(['Id', 'ID', 'Rijnummer', 'row_id', 'Volgnr'])('%j is a row id, never a series', (h) => expect(isRowIdHeader(h)).toBe(true));
  it.each(['Zaaknummer', 'COA bezetting', 'Telehoren'])('%j is not', (h) => expect(isRowIdHeader(h)).toBe(false));
});
