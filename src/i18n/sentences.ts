/**
 * Ready-to-paste sentences in the register of a Kamerbrief, built from a phase's figures:
 * "Van week 27 tot en met week 37 van 2020 waren er gemiddeld circa 80 aantoonbare vertrekken
 * per week." Every number goes through the one rounding rule (src/domain/rounding.ts); "circa"
 * is written only where rounding changed the figure.
 */
import type { BaselineMethod } from '../domain/baseline';
import { phaseOfKey, type PhaseFigure } from '../domain/phases';
import type { LetterWords } from '../domain/catalogue';
import { isoWeekMonday, parseIsoWeekLabel } from '../domain/isoWeek';
import { roundForLetter, roundingStep, roundPercent } from '../domain/rounding';
import { formatLongDay, formatNumber } from './format';
import type { Lang } from './language';

export type SentenceKind = 'flow' | 'stock' | 'share';

export interface BaselineFacts {
  method: BaselineMethod;
  /** ISO weeks of the window (mean, median; a stock's level is the one at `to`). */
  from: string;
  to: string;
  referenceYear: number;
  /** The window ends before the crisis (2020-W12): it may be called "vóór de COVID-19-crisis". */
  preCrisis: boolean;
}

export interface SentenceFacts {
  lang: Lang;
  figure: PhaseFigure;
  kind: SentenceKind;
  /** What is counted, in the sentence's language: "aantoonbare vertrekken". */
  noun: string;
  /** The "of which forced" part of this total in the same phase. */
  forced?: PhaseFigure;
  /** Say the total over the phase first (flows that are followed as running totals, e.g. Dublin). */
  asTotal?: boolean;
  baseline: BaselineFacts;
}

const WORDS = {
  nl: {
    about: 'circa',
    lessThan: 'minder dan',
    fromTo: (from: string, to: string) => `van ${from} tot en met ${to}`,
    of: 'van',
    perWeek: 'per week',
    meanFlow: (range: string, mean: string, noun: string) => `${range} waren er gemiddeld ${mean} ${noun} per week`,
    totalFlow: (range: string, total: string, noun: string) => `${range} waren er in totaal ${total} ${noun}`,
    forced: (n: string) => `waarvan ${n} gedwongen`,
    meanAfterTotal: (mean: string) => `gemiddeld ${mean} per week`,
    stock: (week: string, level: string, noun: string, range: string, mean: string) => `Eind ${week} waren er ${level} ${noun}; ${range} waren dat er gemiddeld ${mean}`,
    share: (range: string, noun: string, pct: string) => `${range} was het aandeel ${noun} gemiddeld ${pct}`,
    level: (pre: boolean) => (pre ? 'het niveau van vóór de COVID-19-crisis' : 'het niveau in de referentieperiode'),
    compareFlow: (pct: string, level: string, base: string, how: string) => `Dat is ${pct} van ${level}: ${base} per week (${how}).`,
    compareStock: (pct: string, level: string, base: string, how: string) => `Dat gemiddelde is ${pct} van ${level}: ${base} (${how}).`,
    compareShare: (pre: boolean, base: string, how: string) => `Dat was ${base} ${pre ? 'vóór de COVID-19-crisis' : 'in de referentieperiode'} (${how}).`,
    how: {
      mean: (from: string, to: string) => `gemiddelde ${from} tot en met ${to}`,
      median: (from: string, to: string) => `mediaan ${from} tot en met ${to}`,
      stock: (to: string) => `stand eind ${to}`,
      seasonal: (year: number) => `dezelfde weken van ${year}`,
    },
    gap: (missing: number, inRange: number, withData: number) =>
      `Van ${missing} van de ${inRange} weken zijn geen cijfers; het gemiddelde gaat over de ${withData} weken met cijfers.`,
    none: (range: string, noun: string) => `${range} zijn er geen cijfers over ${noun}.`,
    since: (week: string, monday: string, to: string, total: string, w: LetterWords) =>
      `Vanaf ${week} (${monday}) tot en met ${to} ${w.perfect[0]} ${total} ${w.subject}${w.perfect[1] ? ` ${w.perfect[1]}` : ''}`,
  },
  en: {
    about: 'about',
    lessThan: 'fewer than',
    fromTo: (from: string, to: string) => `from ${from} up to and including ${to}`,
    of: 'of',
    perWeek: 'per week',
    meanFlow: (range: string, mean: string, noun: string) => `${range} there were on average ${mean} ${noun} per week`,
    totalFlow: (range: string, total: string, noun: string) => `${range} there were ${total} ${noun} in total`,
    forced: (n: string) => `${n} of them forced`,
    meanAfterTotal: (mean: string) => `on average ${mean} per week`,
    stock: (week: string, level: string, noun: string, range: string, mean: string) => `At the end of ${week} there were ${level} ${noun}; ${range} the average was ${mean}`,
    share: (range: string, noun: string, pct: string) => `${range} the share of ${noun} was ${pct} on average`,
    level: (pre: boolean) => (pre ? 'the level before the COVID-19 crisis' : 'the level of the reference period'),
    compareFlow: (pct: string, level: string, base: string, how: string) => `That is ${pct} of ${level} of ${base} per week (${how}).`,
    compareStock: (pct: string, level: string, base: string, how: string) => `That average is ${pct} of ${level} of ${base} (${how}).`,
    compareShare: (pre: boolean, base: string, how: string) => `It was ${base} ${pre ? 'before the COVID-19 crisis' : 'in the reference period'} (${how}).`,
    how: {
      mean: (from: string, to: string) => `mean of ${from} to ${to}`,
      median: (from: string, to: string) => `median of ${from} to ${to}`,
      stock: (to: string) => `level at the end of ${to}`,
      seasonal: (year: number) => `the same weeks of ${year}`,
    },
    gap: (missing: number, inRange: number, withData: number) =>
      `There are no figures for ${missing} of the ${inRange} weeks; the average is over the ${withData} weeks with figures.`,
    none: (range: string, noun: string) => `${capitalise(range)} there are no figures on ${noun}.`,
    since: (week: string, monday: string, to: string, total: string, w: LetterWords) =>
      w.perfect[1] ? `From ${week} (${monday}) up to and including ${to}, ${total} ${w.subject} ${w.perfect[1]}` : `From ${week} (${monday}) up to and including ${to} there were ${total} ${w.subject}`,
  },
};

export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * A figure as a letter writes it: "circa 80", or "80" when rounding leaves it as it was. A part
 * is given its whole's step ("circa 40, waarvan circa 15"); a part too small for that step is
 * "minder dan 100" rather than "circa 0".
 */
export function aboutFigure(exact: number, lang: Lang, step = roundingStep(exact)): string {
  const rounded = roundForLetter(exact, step);
  if (rounded === 0 && exact !== 0) return `${WORDS[lang].lessThan} ${formatNumber(step, lang)}`;
  const text = formatNumber(rounded, lang);
  return rounded === exact ? text : `${WORDS[lang].about} ${text}`;
}

/** The forced part "waarvan circa 15 gedwongen", at the whole's precision. */
export function forcedPart(part: number, whole: number, lang: Lang): string {
  return WORDS[lang].forced(aboutFigure(part, lang, roundingStep(whole)));
}

const percent = (exact: number, lang: Lang) => `${formatNumber(roundPercent(exact), lang)}%`;

/** "week 27 van 2020" ("week 27 of 2020"), or "week 27" where the year follows in the same phrase. */
export function week(label: string, lang: Lang, withYear = true): string {
  const [year, number] = label.split('-W');
  if (!withYear) return `week ${Number(number)}`;
  return lang === 'nl' ? `week ${Number(number)} van ${year}` : `week ${Number(number)} of ${year}`;
}

/** Weekly figures start on the week's Monday: "maandag 29 juni 2020", never the day a user typed. */
export function weekMondayText(label: string, lang: Lang): string {
  const monday = isoWeekMonday(parseIsoWeekLabel(label)!);
  return `${lang === 'nl' ? 'maandag' : 'Monday'} ${formatLongDay(monday, lang)}`;
}

/** "van week 27 tot en met week 37 van 2020", or with both years when the phase crosses a new year. */
export function weekRange(from: string, to: string, lang: Lang): string {
  const w = WORDS[lang];
  if (from.slice(0, 4) === to.slice(0, 4)) return `${w.fromTo(week(from, lang, false), week(to, lang, false))} ${w.of} ${from.slice(0, 4)}`;
  return w.fromTo(week(from, lang), week(to, lang));
}

function baselineHow(b: BaselineFacts, kind: SentenceKind, lang: Lang): string {
  const how = WORDS[lang].how;
  if (b.method === 'seasonal') return how.seasonal(b.referenceYear);
  if (kind === 'stock') return how.stock(week(b.to, lang));
  return how[b.method](week(b.from, lang), week(b.to, lang));
}

export function phaseSentence({ lang, figure, kind, noun, forced, asTotal, baseline }: SentenceFacts): string {
  const w = WORDS[lang];
  const { from, to } = phaseOfKey(figure.phase);
  const range = weekRange(from, to, lang);
  if (figure.mean === null) return w.none(lang === 'nl' ? capitalise(range) : range, noun);

  const about = (n: number) => aboutFigure(n, lang);
  let first: string;
  if (kind === 'stock') first = w.stock(week(figure.lastWeek!, lang), about(figure.lastValue!), noun, range, about(figure.mean));
  else if (kind === 'share') first = w.share(range, noun, percent(figure.mean, lang));
  else if (asTotal && figure.total !== null) {
    const part = forced?.total != null ? `, ${forcedPart(forced.total, figure.total, lang)}` : '';
    first = `${w.totalFlow(range, about(figure.total), noun)}${part}; ${w.meanAfterTotal(about(figure.mean))}`;
  } else {
    const part = forced?.mean != null ? `, ${forcedPart(forced.mean, figure.mean, lang)}` : '';
    first = `${w.meanFlow(range, about(figure.mean), noun)}${part}`;
  }
  const sentences = [`${capitalise(first)}.`];

  const isBaselineWindow = baseline.method !== 'seasonal' && figure.phase === `${baseline.from}/${baseline.to}`;
  if (!isBaselineWindow && figure.baseline !== null && figure.pct !== null) {
    const how = baselineHow(baseline, kind, lang);
    const level = w.level(baseline.preCrisis);
    if (kind === 'share') sentences.push(w.compareShare(baseline.preCrisis, percent(figure.baseline, lang), how));
    else if (kind === 'stock') sentences.push(w.compareStock(percent(figure.pct, lang), level, about(figure.baseline), how));
    else sentences.push(w.compareFlow(percent(figure.pct, lang), level, about(figure.baseline), how));
  }
  if (figure.weeksWithData < figure.weeksInRange) sentences.push(w.gap(figure.weeksInRange - figure.weeksWithData, figure.weeksInRange, figure.weeksWithData));
  return sentences.join(' ');
}

/**
 * A running total as the letter writes it, from the week the total starts (its Monday: weekly
 * figures cannot start on another day): "Vanaf week 27 van 2020 (maandag 29 juni 2020) tot en met
 * week 37 van 2020 zijn circa 280 Dublinoverdrachten uitgevoerd, waarvan circa 140 gedwongen."
 */
export function runningTotalSentence({ lang, figure, words, forced }: { lang: Lang; figure: PhaseFigure; words: LetterWords; forced?: PhaseFigure }): string {
  const w = WORDS[lang];
  const { from, to } = phaseOfKey(figure.phase);
  if (figure.total === null) return w.none(capitalise(w.fromTo(week(from, lang), week(to, lang))), words.subject);
  const part = forced?.total != null ? `, ${forcedPart(forced.total, figure.total, lang)}` : '';
  const gap = figure.weeksWithData < figure.weeksInRange ? gapClause(figure, lang) : '';
  return `${w.since(week(from, lang), weekMondayText(from, lang), week(to, lang), aboutFigure(figure.total, lang), words)}${part}${gap}.`;
}

/** A gap named in a subordinate clause: ", gerekend over de 7 van de 9 weken waarover cijfers zijn". */
export function gapClause(figure: Pick<PhaseFigure, 'weeksWithData' | 'weeksInRange'>, lang: Lang): string {
  return lang === 'nl'
    ? `, gerekend over de ${figure.weeksWithData} van de ${figure.weeksInRange} weken waarover cijfers zijn`
    : `, counted over the ${figure.weeksWithData} of ${figure.weeksInRange} weeks that have figures`;
}

/** What a catalogue metric's paragraph says when the catalogue has no words of its own for it. */
export function plainWords(noun: string, lang: Lang): LetterWords {
  return lang === 'nl' ? { subject: noun, perfect: ['waren er', ''], past: ['waren er', ''] } : { subject: noun, perfect: ['', ''], past: ['', ''] };
}
