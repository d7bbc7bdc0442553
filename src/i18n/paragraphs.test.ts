import { describe, expect, it } from 'vitest';
import { metricDefinition } from '../domain/catalogue';
import type { PhaseFigure } from '../domain/phases';
import { DEFAULT_PARAGRAPH_OPTIONS, letterParagraph, type ParagraphFacts } from './paragraphs';
import type { BaselineFacts } from './sentences';

const figure = (phase: string, over: Partial<PhaseFigure>): PhaseFigure => ({
  metric: 'departures_total',
  phase,
  weeksInRange: 6,
  weeksWithData: 6,
  weeksPartial: 0,
  weeksIncomplete: 0,
  mean: null,
  total: null,
  lastWeek: null,
  lastValue: null,
  baseline: 139.37,
  pct: null,
  sources: [],
  revisedWeeks: [],
  ...over,
});
const preCovid: BaselineFacts = { method: 'mean', from: '2019-W12', to: '2020-W11', referenceYear: 2019, preCrisis: true };
// The sample's departures (and forced part) per phase of the letter of 5 October 2020.
const departures = [
  { figure: figure('2020-W12/2020-W17', { mean: 39.67, pct: 28.46 }), forced: figure('2020-W12/2020-W17', { metric: 'departures_forced', mean: 15.17, baseline: 53.4 }) },
  { figure: figure('2020-W18/2020-W26', { mean: 19.44, weeksInRange: 9, weeksWithData: 9, pct: 13.95 }), forced: figure('2020-W18/2020-W26', { metric: 'departures_forced', mean: 7.44, baseline: 53.4 }) },
  { figure: figure('2020-W27/2020-W37', { mean: 79.91, weeksInRange: 11, weeksWithData: 11, pct: 57.34 }), forced: figure('2020-W27/2020-W37', { metric: 'departures_forced', mean: 31, baseline: 53.4 }) },
];
const facts = (over: Partial<ParagraphFacts> = {}): ParagraphFacts => ({
  lang: 'nl',
  kind: 'flow',
  words: metricDefinition('departures_total')!.letter!.nl,
  phases: departures,
  baseline: preCovid,
  options: DEFAULT_PARAGRAPH_OPTIONS,
  ...over,
});

describe('letterParagraph', () => {
  it('says departures as the letter does: people as the subject, the phases in order, the pre-COVID level once at the end', () => {
    expect(letterParagraph(facts({ phases: [departures[2], departures[0], departures[1]] }))).toBe(
      'Van week 12 tot en met week 17 van 2020 zijn gemiddeld circa 40 vreemdelingen per week aantoonbaar vertrokken, van week 18 tot en met week 26 van 2020 circa 20 en van week 27 tot en met week 37 van 2020 circa 80. ' +
        'In de weken vóór de COVID-19-crisis vertrokken nog gemiddeld circa 140 vreemdelingen per week aantoonbaar.',
    );
  });

  it('adds the forced part at the whole\'s precision, and the percentages in one sentence, when asked', () => {
    expect(letterParagraph(facts({ options: { forced: true, percentages: true } }))).toBe(
      'Van week 12 tot en met week 17 van 2020 zijn gemiddeld circa 40 vreemdelingen per week aantoonbaar vertrokken, waarvan circa 15 gedwongen; ' +
        'van week 18 tot en met week 26 van 2020 circa 20, waarvan circa 5 gedwongen; en van week 27 tot en met week 37 van 2020 circa 80, waarvan circa 30 gedwongen. ' +
        'Dat is respectievelijk 28%, 14% en 57% van het niveau van vóór de COVID-19-crisis. ' +
        'In de weken vóór de COVID-19-crisis vertrokken nog gemiddeld circa 140 vreemdelingen per week aantoonbaar, waarvan circa 50 gedwongen.',
    );
  });

  it('names a gap in a subordinate clause, and a phase without figures in a sentence of its own', () => {
    const gappy = [{ figure: { ...departures[0].figure, weeksWithData: 5 } }, { figure: figure('2020-W18/2020-W26', { weeksInRange: 9, weeksWithData: 0 }) }, departures[2]];
    expect(letterParagraph(facts({ phases: gappy }))).toBe(
      'Van week 12 tot en met week 17 van 2020 zijn gemiddeld circa 40 vreemdelingen per week aantoonbaar vertrokken, gerekend over de 5 van de 6 weken waarover cijfers zijn; en van week 27 tot en met week 37 van 2020 circa 80. ' +
        'Over week 18 tot en met week 26 van 2020 zijn geen cijfers. ' +
        'In de weken vóór de COVID-19-crisis vertrokken nog gemiddeld circa 140 vreemdelingen per week aantoonbaar.',
    );
  });

  it('follows a running total as the letter does, from a Monday, with its forced part', () => {
    const dublin = metricDefinition('dublin_transfers')!.letter!.nl;
    const phases = [{ figure: figure('2020-W27/2020-W37', { metric: 'dublin_transfers', mean: 25.64, total: 282, weeksInRange: 11, weeksWithData: 11, baseline: 46.4 }) }];
    const runningTotal = { figure: figure('2020-W27/2020-W37', { metric: 'dublin_transfers', mean: 25.64, total: 282, weeksInRange: 11, weeksWithData: 11 }), forced: figure('2020-W27/2020-W37', { metric: 'dublin_transfers_forced', total: 143, mean: 13 }) };
    expect(letterParagraph(facts({ words: dublin, phases, runningTotal }))).toBe(
      'Van week 27 tot en met week 37 van 2020 zijn gemiddeld circa 25 Dublinoverdrachten per week uitgevoerd. ' +
        'Vanaf week 27 van 2020 (maandag 29 juni 2020) tot en met week 37 van 2020 zijn circa 280 Dublinoverdrachten uitgevoerd, waarvan circa 140 gedwongen. ' +
        'In de weken vóór de COVID-19-crisis werden nog gemiddeld circa 45 Dublinoverdrachten per week uitgevoerd.',
    );
  });

  it('says "geen" where there were none', () => {
    const dublin = metricDefinition('dublin_transfers')!.letter!.nl;
    const phases = [
      { figure: figure('2020-W12/2020-W17', { metric: 'dublin_transfers', mean: 1.33, baseline: 46.4 }) },
      { figure: figure('2020-W18/2020-W26', { metric: 'dublin_transfers', mean: 0, weeksInRange: 9, weeksWithData: 9, baseline: 46.4 }) },
    ];
    expect(letterParagraph(facts({ words: dublin, phases }))).toMatch(/^Van week 12 tot en met week 17 van 2020 zijn gemiddeld circa 1 Dublinoverdrachten per week uitgevoerd en van week 18 tot en met week 26 van 2020 geen\. /);
    expect(letterParagraph(facts({ words: dublin, phases: [phases[1]] }))).toMatch(/^Van week 18 tot en met week 26 van 2020 zijn geen Dublinoverdrachten uitgevoerd\. /);
    const video = metricDefinition('hearings_tele')!.letter!.nl;
    expect(letterParagraph(facts({ words: video, phases: [{ figure: figure('2020-W27/2020-W37', { metric: 'hearings_tele', mean: 243.82, baseline: 0 }) }] }))).toBe(
      'Van week 27 tot en met week 37 van 2020 zijn gemiddeld circa 240 asielzoekers per week per video gehoord. In de weken vóór de COVID-19-crisis werden geen asielzoekers per video gehoord.',
    );
  });

  it('states a stock as its level at the end of each phase', () => {
    const open = metricDefinition('nareis_open')!.letter!.nl;
    const phases = ['2020-W17', '2020-W26', '2020-W37'].map((w, i) => ({ figure: figure(`2020-W1${i}/${w}`, { metric: 'nareis_open', mean: 1, lastWeek: w, lastValue: [2_512, 2_811, 3_490][i], baseline: 2_401 }) }));
    expect(letterParagraph(facts({ kind: 'stock', words: open, phases }))).toBe(
      'Eind week 17 van 2020 stonden circa 2.500 nareisaanvragen open, eind week 26 van 2020 circa 2.800 en eind week 37 van 2020 circa 3.500. ' +
        'Eind week 11 van 2020, vóór de COVID-19-crisis, stonden circa 2.400 nareisaanvragen open.',
    );
  });

  it('writes no decimal after "circa" and says "nog" only where the level was higher', () => {
    const small = [{ figure: figure('2020-W27/2020-W37', { mean: 7.4, baseline: 3.2 }) }];
    const text = letterParagraph(facts({ phases: small }));
    expect(text).toBe('Van week 27 tot en met week 37 van 2020 zijn gemiddeld circa 7 vreemdelingen per week aantoonbaar vertrokken. In de weken vóór de COVID-19-crisis vertrokken gemiddeld circa 3 vreemdelingen per week aantoonbaar.');
    expect(text).not.toMatch(/circa \d+,\d/);
  });

  it('says arrived family members with the family members as the subject', () => {
    const arrivals = departures.map(({ figure: f }) => ({ figure: { ...f, metric: 'nareis_arrivals', baseline: 80.4 } }));
    expect(letterParagraph(facts({ words: metricDefinition('nareis_arrivals')!.letter!.nl, phases: arrivals }))).toBe(
      'Van week 12 tot en met week 17 van 2020 zijn gemiddeld circa 40 nareizigers per week ingereisd, van week 18 tot en met week 26 van 2020 circa 20 en van week 27 tot en met week 37 van 2020 circa 80. ' +
        'In de weken vóór de COVID-19-crisis reisden gemiddeld circa 80 nareizigers per week in.',
    );
  });

  it('reads in English', () => {
    expect(letterParagraph(facts({ lang: 'en', words: metricDefinition('departures_total')!.letter!.en }))).toBe(
      'From week 12 up to and including week 17 of 2020, on average about 40 people per week departed demonstrably, from week 18 up to and including week 26 of 2020 about 20 and from week 27 up to and including week 37 of 2020 about 80. ' +
        'In the weeks before the COVID-19 crisis, still on average about 140 people per week departed demonstrably.',
    );
  });

  it('compares with the same weeks of the reference year under a seasonal baseline', () => {
    const seasonal: BaselineFacts = { ...preCovid, method: 'seasonal' };
    const phases = departures.map((p, i) => ({ figure: { ...p.figure, baseline: [150.2, 121, 138.6][i] } }));
    expect(letterParagraph(facts({ baseline: seasonal, phases }))).toMatch(/ In dezelfde weken van 2019 vertrokken gemiddeld respectievelijk circa 150, circa 120 en circa 140 vreemdelingen per week aantoonbaar\.$/);
  });
});
