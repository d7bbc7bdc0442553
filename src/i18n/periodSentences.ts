/**
 * Sentences about monthly, quarterly and yearly figures, in the register of the weekly ones
 * (src/i18n/sentences.ts): "Van maart tot en met april 2020 waren er gemiddeld circa 650 eerste
 * asielverzoeken per maand. Dat is 34% van het niveau van vóór de COVID-19-crisis: circa 1.900
 * per maand (gemiddelde maart 2019 tot en met februari 2020)." The same rounding rule; the grain's
 * own unit, never "per week".
 */
import type { PeriodGrain } from '../domain/grain';
import { roundPercent } from '../domain/rounding';
import { formatNumber, periodRangeLabel } from './format';
import type { Lang } from './language';
import { aboutFigure, capitalise } from './sentences';

/** A mean over an inclusive range of periods: what src/metrics/periodQueries.ts periodMean gives. */
export interface PeriodMeanFacts {
  from: string;
  to: string;
  periodsInRange: number;
  periodsWithData: number;
  /** Periods whose figure was exported before they ended: left out of the mean. */
  periodsPartial: number;
  mean: number | null;
  flags: string[];
}

const UNIT: Record<Lang, Record<PeriodGrain, [string, string]>> = {
  nl: { month: ['maand', 'maanden'], quarter: ['kwartaal', 'kwartalen'], year: ['jaar', 'jaren'] },
  en: { month: ['month', 'months'], quarter: ['quarter', 'quarters'], year: ['year', 'years'] },
};

/** "per maand", "per kwartaal", "per jaar". */
export const perPeriod = (grain: PeriodGrain, lang: Lang) => `per ${UNIT[lang][grain][0]}`;

export function periodSentence({ lang, figure, grain, noun, baseline, preCrisis }: {
  lang: Lang;
  figure: PeriodMeanFacts;
  grain: PeriodGrain;
  /** What is counted: "eerste asielverzoeken". */
  noun: string;
  /** The baseline at the same grain; left out when it is this very range. */
  baseline: PeriodMeanFacts | null;
  /** The baseline window lies before the crisis (March 2020). */
  preCrisis: boolean;
}): string {
  const nl = lang === 'nl';
  const range = periodRangeLabel(figure.from, figure.to, lang);
  const per = perPeriod(grain, lang);
  if (figure.mean === null && figure.periodsPartial > 0) {
    return nl ? `Over ${range} zijn er nog geen volledige cijfers over ${noun}: de export is van vóór het einde ervan.` : `There are no complete figures on ${noun} for ${range} yet: the export predates its end.`;
  }
  if (figure.mean === null) return nl ? `Over ${range} zijn er geen cijfers over ${noun}.` : `There are no figures on ${noun} for ${range}.`;
  const mean = aboutFigure(figure.mean, lang);
  const one = figure.periodsInRange === 1;
  const sentences = [
    one
      ? nl ? `In ${range} waren er ${mean} ${noun}.` : `In ${range} there were ${mean} ${noun}.`
      : nl ? `Van ${range} waren er gemiddeld ${mean} ${noun} ${per}.` : `From ${range} there were on average ${mean} ${noun} ${per}.`,
  ];
  const sameRange = baseline && baseline.from === figure.from && baseline.to === figure.to;
  if (baseline && !sameRange && baseline.mean !== null && baseline.mean !== 0) {
    const pct = `${formatNumber(roundPercent((100 * figure.mean) / baseline.mean), lang)}%`;
    const level = nl ? (preCrisis ? 'het niveau van vóór de COVID-19-crisis' : 'het niveau in de referentieperiode') : preCrisis ? 'the level before the COVID-19 crisis' : 'the level of the reference period';
    // A baseline with gaps says over how many periods it is: "2 van 12" is not a year's level.
    const [, plural] = UNIT[lang][grain];
    const thin = baseline.periodsWithData < baseline.periodsInRange
      ? nl ? `, alleen de ${baseline.periodsWithData} van de ${baseline.periodsInRange} ${plural} met cijfers` : `, only the ${baseline.periodsWithData} of the ${baseline.periodsInRange} ${plural} with figures`
      : '';
    const how = (nl ? `gemiddelde ${periodRangeLabel(baseline.from, baseline.to, lang)}` : `mean of ${periodRangeLabel(baseline.from, baseline.to, lang)}`) + thin;
    sentences.push(nl ? `Dat is ${pct} van ${level}: ${aboutFigure(baseline.mean, lang)} ${per} (${how}).` : `That is ${pct} of ${level} of ${aboutFigure(baseline.mean, lang)} ${per} (${how}).`);
  }
  if (figure.periodsPartial > 0) {
    const n = figure.periodsPartial;
    const [singular, plural] = UNIT[lang][grain];
    // It opens the sentence: "Eén" as the Taalunie writes it, not "Één".
    const counted = n === 1 ? `${nl ? 'Eén' : 'One'} ${singular}` : `${n} ${plural}`;
    sentences.push(
      nl
        ? `${counted} ${n === 1 ? 'was' : 'waren'} bij de export nog niet voorbij en ${n === 1 ? 'telt' : 'tellen'} niet mee.`
        : `${counted} had not ended at the export and ${n === 1 ? 'is' : 'are'} not counted.`,
    );
  }
  if (figure.periodsWithData + figure.periodsPartial < figure.periodsInRange) {
    const [singular, plural] = UNIT[lang][grain];
    const missing = figure.periodsInRange - figure.periodsWithData - figure.periodsPartial;
    const withData = figure.periodsWithData;
    sentences.push(
      nl
        ? `Van ${missing} van de ${figure.periodsInRange} ${plural} zijn geen cijfers; het gemiddelde gaat over de ${withData} ${withData === 1 ? singular : plural} met cijfers.`
        : `There are no figures for ${missing} of the ${figure.periodsInRange} ${plural}; the average is over the ${withData} ${withData === 1 ? singular : plural} with figures.`,
    );
  }
  if (figure.flags.some((f) => f === 'provisional' || f === 'p')) sentences.push(nl ? 'De cijfers zijn deels voorlopig.' : 'The figures are partly provisional.');
  if (figure.flags.includes('approximate')) sentences.push(nl ? 'De bron geeft een deel van de cijfers bij benadering.' : 'The source gives some of the figures approximately.');
  return sentences.map(capitalise).join(' ');
}
