import { describe, expect, it } from 'vitest';
import type { PhaseFigure } from '../domain/phases';
import { aboutFigure, phaseSentence, runningTotalSentence, weekRange, type BaselineFacts } from './sentences';

const figure = (over: Partial<PhaseFigure>): PhaseFigure => ({
  metric: 'departures_total',
  phase: '2020-W27/2020-W37',
  weeksInRange: 11,
  weeksWithData: 11,
  weeksPartial: 0,
  weeksIncomplete: 0,
  mean: 80.36,
  total: 884,
  lastWeek: '2020-W37',
  lastValue: 90,
  baseline: 141.2,
  pct: 56.91,
  sources: [],
  revisedWeeks: [],
  ...over,
});
const preCovid: BaselineFacts = { method: 'mean', from: '2019-W12', to: '2020-W11', referenceYear: 2019, preCrisis: true };

describe('aboutFigure', () => {
  it('writes "circa" only where rounding changed the figure, in Dutch number format', () => {
    expect(aboutFigure(80.36, 'nl')).toBe('circa 80');
    expect(aboutFigure(80, 'nl')).toBe('80');
    expect(aboutFigure(27_340, 'nl')).toBe('circa 27.000');
    expect(aboutFigure(7.25, 'nl')).toBe('circa 7');
    expect(aboutFigure(19.44, 'nl')).toBe('circa 20');
    expect(aboutFigure(27_340, 'en')).toBe('about 27,000');
  });
});

describe('weekRange', () => {
  it('names the year once within a year and both years across a new year', () => {
    expect(weekRange('2020-W27', '2020-W37', 'nl')).toBe('van week 27 tot en met week 37 van 2020');
    expect(weekRange('2020-W50', '2021-W05', 'nl')).toBe('van week 50 van 2020 tot en met week 5 van 2021');
    expect(weekRange('2020-W50', '2021-W05', 'en')).toBe('from week 50 of 2020 up to and including week 5 of 2021');
  });
});

describe('phaseSentence', () => {
  it('gives a part its whole\'s precision, and never "circa 0"', () => {
    const forced = (mean: number) => figure({ metric: 'departures_forced', mean });
    const say = (whole: number, part: number) => phaseSentence({ lang: 'nl', figure: figure({ mean: whole }), kind: 'flow', noun: 'x', forced: forced(part), baseline: preCovid });
    expect(say(39.67, 15.17)).toContain('circa 40 x per week, waarvan circa 15 gedwongen');
    expect(say(19.44, 7.44)).toContain('circa 20 x per week, waarvan circa 5 gedwongen');
    expect(say(1_234, 30)).toContain('circa 1.200 x per week, waarvan minder dan 100 gedwongen');
    expect(say(19.44, 7.44)).not.toMatch(/circa \d+,\d/);
  });

  it('states a flow as a rounded weekly mean with its forced part, against the pre-COVID level', () => {
    const forced = figure({ metric: 'departures_forced', mean: 31.8, total: 350 });
    expect(phaseSentence({ lang: 'nl', figure: figure({}), kind: 'flow', noun: 'aantoonbare vertrekken', forced, baseline: preCovid })).toBe(
      'Van week 27 tot en met week 37 van 2020 waren er gemiddeld circa 80 aantoonbare vertrekken per week, waarvan circa 30 gedwongen. ' +
        'Dat is 57% van het niveau van vóór de COVID-19-crisis: circa 140 per week (gemiddelde week 12 van 2019 tot en met week 11 van 2020).',
    );
    expect(phaseSentence({ lang: 'en', figure: figure({}), kind: 'flow', noun: 'demonstrable departures', baseline: preCovid })).toBe(
      'From week 27 up to and including week 37 of 2020 there were on average about 80 demonstrable departures per week. ' +
        'That is 57% of the level before the COVID-19 crisis of about 140 per week (mean of week 12 of 2019 to week 11 of 2020).',
    );
  });

  it('states a running-total flow as its total first', () => {
    const dublin = figure({ metric: 'dublin_transfers', total: 281, mean: 25.5, baseline: 45.4, pct: 56.2 });
    const forced = figure({ metric: 'dublin_transfers_forced', total: 139, mean: 12.6 });
    expect(phaseSentence({ lang: 'nl', figure: dublin, kind: 'flow', noun: 'dublinoverdrachten', forced, asTotal: true, baseline: preCovid })).toMatch(
      /^Van week 27 tot en met week 37 van 2020 waren er in totaal circa 280 dublinoverdrachten, waarvan circa 140 gedwongen; gemiddeld circa 25 per week\. Dat is 56% /,
    );
  });

  it('states a stock as its level at the end of the phase, and its mean against the level at the end of the baseline window', () => {
    const open = figure({ metric: 'nareis_open', mean: 4_321, lastValue: 4_560, total: null, baseline: 2_010, pct: 214.98 });
    expect(phaseSentence({ lang: 'nl', figure: open, kind: 'stock', noun: 'openstaande nareisaanvragen', baseline: preCovid })).toBe(
      'Eind week 37 van 2020 waren er circa 4.600 openstaande nareisaanvragen; van week 27 tot en met week 37 van 2020 waren dat er gemiddeld circa 4.300. ' +
        'Dat gemiddelde is 215% van het niveau van vóór de COVID-19-crisis: circa 2.000 (stand eind week 11 van 2020).',
    );
  });

  it('states a share in whole percents', () => {
    const share = figure({ metric: 'hearings_video_share', mean: 36.84, total: null, baseline: 0.4, pct: 9210 });
    expect(phaseSentence({ lang: 'nl', figure: share, kind: 'share', noun: 'gehoren dat per video plaatsvond', baseline: preCovid })).toBe(
      'Van week 27 tot en met week 37 van 2020 was het aandeel gehoren dat per video plaatsvond gemiddeld 37%. ' +
        'Dat was 0% vóór de COVID-19-crisis (gemiddelde week 12 van 2019 tot en met week 11 van 2020).',
    );
  });

  it('says how many weeks are missing instead of averaging over them silently', () => {
    const gappy = figure({ weeksWithData: 9 });
    expect(phaseSentence({ lang: 'nl', figure: gappy, kind: 'flow', noun: 'aantoonbare vertrekken', baseline: preCovid })).toMatch(
      / Van 2 van de 11 weken zijn geen cijfers; het gemiddelde gaat over de 9 weken met cijfers\.$/,
    );
    const empty = figure({ weeksWithData: 0, mean: null, total: null, baseline: null, pct: null });
    expect(phaseSentence({ lang: 'nl', figure: empty, kind: 'flow', noun: 'aantoonbare vertrekken', baseline: preCovid })).toBe(
      'Van week 27 tot en met week 37 van 2020 zijn er geen cijfers over aantoonbare vertrekken.',
    );
  });

  it('makes no comparison for the baseline window itself, and calls another window the reference period', () => {
    const window = figure({ phase: '2019-W12/2020-W11', mean: 141.2, pct: 100 });
    expect(phaseSentence({ lang: 'nl', figure: window, kind: 'flow', noun: 'aantoonbare vertrekken', baseline: preCovid })).toBe(
      'Van week 12 van 2019 tot en met week 11 van 2020 waren er gemiddeld circa 140 aantoonbare vertrekken per week.',
    );
    const later: BaselineFacts = { ...preCovid, from: '2021-W01', to: '2021-W10', preCrisis: false, method: 'median' };
    expect(phaseSentence({ lang: 'nl', figure: figure({}), kind: 'flow', noun: 'aantoonbare vertrekken', baseline: later })).toContain(
      'van het niveau in de referentieperiode: circa 140 per week (mediaan week 1 van 2021 tot en met week 10 van 2021)',
    );
  });
});

describe('runningTotalSentence', () => {
  it('reads like the letter: from the week and its Monday, about so many, about so many of them forced', () => {
    const dublin = figure({ metric: 'dublin_transfers', total: 282 });
    const forced = figure({ metric: 'dublin_transfers_forced', total: 143 });
    const words = { subject: 'Dublinoverdrachten', perfect: ['zijn', 'uitgevoerd'] as [string, string], past: ['werden', 'uitgevoerd'] as [string, string] };
    expect(runningTotalSentence({ lang: 'nl', figure: dublin, words, forced })).toBe(
      'Vanaf week 27 van 2020 (maandag 29 juni 2020) tot en met week 37 van 2020 zijn circa 280 Dublinoverdrachten uitgevoerd, waarvan circa 140 gedwongen.',
    );
    const en = { subject: 'Dublin transfers', perfect: ['', 'were carried out'] as [string, string], past: ['', 'were carried out'] as [string, string] };
    expect(runningTotalSentence({ lang: 'en', figure: dublin, words: en, forced })).toBe(
      'From week 27 of 2020 (Monday 29 June 2020) up to and including week 37 of 2020, about 280 Dublin transfers were carried out, about 140 of them forced.',
    );
  });

  it('names a gap in a clause', () => {
    const dublin = figure({ metric: 'dublin_transfers', total: 250, weeksWithData: 9 });
    const words = { subject: 'Dublinoverdrachten', perfect: ['zijn', 'uitgevoerd'] as [string, string], past: ['werden', 'uitgevoerd'] as [string, string] };
    expect(runningTotalSentence({ lang: 'nl', figure: dublin, words })).toBe(
      'Vanaf week 27 van 2020 (maandag 29 juni 2020) tot en met week 37 van 2020 zijn 250 Dublinoverdrachten uitgevoerd, gerekend over de 9 van de 11 weken waarover cijfers zijn.',
    );
  });
});
