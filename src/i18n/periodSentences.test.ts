import { describe, expect, it } from 'vitest';
import { periodRangeLabel, periodLabel } from './format';
import { periodSentence, type PeriodMeanFacts } from './periodSentences';

const facts = (from: string, to: string, mean: number | null, periodsWithData: number, periodsInRange: number, flags: string[] = [], periodsPartial = 0): PeriodMeanFacts => ({ from, to, mean, periodsWithData, periodsInRange, flags, periodsPartial });
const baseline = facts('2019-03', '2020-02', 1862.5, 12, 12);

describe('months in words', () => {
  it('names months and ranges in Dutch and English', () => {
    expect(periodLabel('2020-03', 'nl')).toBe('maart 2020');
    expect(periodLabel('2020-03', 'en')).toBe('March 2020');
    expect(periodLabel('2020-Q1', 'nl')).toBe('1e kwartaal 2020');
    expect(periodRangeLabel('2020-03', '2020-05', 'nl')).toBe('maart tot en met mei 2020');
    expect(periodRangeLabel('2019-03', '2020-02', 'nl')).toBe('maart 2019 tot en met februari 2020');
    expect(periodRangeLabel('2020-03', '2020-05', 'en')).toBe('March to May 2020');
  });
});

describe('a sentence about months', () => {
  it('speaks of months, with the pre-crisis level per month', () => {
    // CBS first asylum requests, March and April 2020: 1025 and 275.
    expect(periodSentence({ lang: 'nl', figure: facts('2020-03', '2020-04', 650, 2, 2), grain: 'month', noun: 'eerste asielverzoeken', baseline, preCrisis: true })).toBe(
      'Van maart tot en met april 2020 waren er gemiddeld 650 eerste asielverzoeken per maand. Dat is 35% van het niveau van vóór de COVID-19-crisis: circa 1.900 per maand (gemiddelde maart 2019 tot en met februari 2020).',
    );
  });

  it('says when the baseline rests on only some of its months', () => {
    // A workbook with January and February 2020 only: "circa 1.700 per maand" alone would read as a year's level.
    expect(periodSentence({ lang: 'nl', figure: facts('2020-03', '2020-04', 650, 2, 2), grain: 'month', noun: 'eerste asielverzoeken', baseline: facts('2019-03', '2020-02', 1740.5, 2, 12), preCrisis: true })).toBe(
      'Van maart tot en met april 2020 waren er gemiddeld 650 eerste asielverzoeken per maand. Dat is 37% van het niveau van vóór de COVID-19-crisis: circa 1.700 per maand (gemiddelde maart 2019 tot en met februari 2020, alleen de 2 van de 12 maanden met cijfers).',
    );
    expect(periodSentence({ lang: 'en', figure: facts('2020-03', '2020-04', 650, 2, 2), grain: 'month', noun: 'first asylum requests', baseline: facts('2019-03', '2020-02', 1740.5, 2, 12), preCrisis: true })).toContain(
      '(mean of March 2019 to February 2020, only the 2 of the 12 months with figures).',
    );
  });

  it('says the baseline itself without comparing it with itself', () => {
    expect(periodSentence({ lang: 'nl', figure: facts('2019-03', '2020-02', 1500, 12, 12), grain: 'month', noun: 'eerste asielverzoeken', baseline: facts('2019-03', '2020-02', 1500, 12, 12), preCrisis: true })).toBe(
      'Van maart 2019 tot en met februari 2020 waren er gemiddeld 1.500 eerste asielverzoeken per maand.',
    );
  });

  it('names the months without figures and provisional figures', () => {
    expect(periodSentence({ lang: 'nl', figure: facts('2020-04', '2020-06', 465, 2, 3, ['provisional']), grain: 'month', noun: 'eerste asielverzoeken', baseline: null, preCrisis: true })).toBe(
      'Van april tot en met juni 2020 waren er gemiddeld circa 470 eerste asielverzoeken per maand. Van 1 van de 3 maanden zijn geen cijfers; het gemiddelde gaat over de 2 maanden met cijfers. De cijfers zijn deels voorlopig.',
    );
  });

  it('leaves a month that had not ended at the export out of the mean, and says so', () => {
    expect(periodSentence({ lang: 'nl', figure: facts('2020-01', '2020-03', 1742.5, 2, 3, [], 1), grain: 'month', noun: 'eerste asielverzoeken', baseline: null, preCrisis: true })).toBe(
      'Van januari tot en met maart 2020 waren er gemiddeld circa 1.700 eerste asielverzoeken per maand. Eén maand was bij de export nog niet voorbij en telt niet mee.',
    );
    expect(periodSentence({ lang: 'en', figure: facts('2020-03', '2020-03', null, 0, 1, [], 1), grain: 'month', noun: 'first asylum requests', baseline: null, preCrisis: true })).toBe(
      'There are no complete figures on first asylum requests for March 2020 yet: the export predates its end.',
    );
  });

  it('says when the source gave some figures only approximately ("ruim 38.000")', () => {
    expect(periodSentence({ lang: 'nl', figure: facts('2023', '2023', 38000, 1, 1, ['approximate']), grain: 'year', noun: 'eerste asielverzoeken', baseline: null, preCrisis: false })).toMatch(
      / De bron geeft een deel van de cijfers bij benadering\.$/,
    );
  });

  it('in English, and per quarter', () => {
    expect(periodSentence({ lang: 'en', figure: facts('2020-03', '2020-04', 650, 2, 2), grain: 'month', noun: 'first asylum requests', baseline, preCrisis: true })).toBe(
      'From March to April 2020 there were on average 650 first asylum requests per month. That is 35% of the level before the COVID-19 crisis of about 1,900 per month (mean of March 2019 to February 2020).',
    );
    expect(periodSentence({ lang: 'nl', figure: facts('2020-Q2', '2020-Q3', 2677.5, 2, 2), grain: 'quarter', noun: 'eerste asielverzoeken', baseline: null, preCrisis: true })).toBe(
      'Van 2e kwartaal 2020 tot en met 3e kwartaal 2020 waren er gemiddeld circa 2.700 eerste asielverzoeken per kwartaal.',
    );
  });

  it('says when there are no figures', () => {
    expect(periodSentence({ lang: 'nl', figure: facts('2020-05', '2020-05', null, 0, 1), grain: 'month', noun: 'eerste asielverzoeken', baseline, preCrisis: true })).toBe('Over mei 2020 zijn er geen cijfers over eerste asielverzoeken.');
  });
});
