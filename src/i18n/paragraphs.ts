/**
 * One paragraph per figure, as the letter of 5 October 2020 writes it: people or cases as the
 * subject, the phases in order, the pre-COVID level once at the end, a gap named in a clause.
 * "Van week 12 tot en met week 17 van 2020 zijn gemiddeld circa 40 vreemdelingen per week
 * aantoonbaar vertrokken, van week 18 tot en met week 26 van 2020 circa 20 en van week 27 tot en
 * met week 37 van 2020 circa 80. In de weken vóór de COVID-19-crisis vertrokken nog gemiddeld
 * circa 140 vreemdelingen per week aantoonbaar." Percentages and the forced part are options.
 */
import type { LetterWords } from '../domain/catalogue';
import { phaseOfKey, type PhaseFigure } from '../domain/phases';
import { roundForLetter, roundPercent } from '../domain/rounding';
import { formatNumber } from './format';
import type { Lang } from './language';
import { aboutFigure, capitalise, forcedPart, gapClause, runningTotalSentence, week, weekRange, type BaselineFacts, type SentenceKind } from './sentences';

export interface ParagraphOptions {
  /** Each phase as % of the baseline, in one sentence ("respectievelijk 28%, 14% en 57%"). */
  percentages: boolean;
  /** The forced part beside each figure ("circa 40, waarvan circa 15 gedwongen"). */
  forced: boolean;
}

export const DEFAULT_PARAGRAPH_OPTIONS: ParagraphOptions = { percentages: false, forced: false };

export interface ParagraphFacts {
  lang: Lang;
  kind: SentenceKind;
  words: LetterWords;
  /** The phases after the baseline window, each with its forced part when the figure has one. */
  phases: { figure: PhaseFigure; forced?: PhaseFigure }[];
  baseline: BaselineFacts;
  /** The running total of a figure the letter follows from a date (Dublin transfers). */
  runningTotal?: { figure: PhaseFigure; forced?: PhaseFigure };
  options: ParagraphOptions;
}

const pct = (exact: number, lang: Lang) => `${formatNumber(roundPercent(exact), lang)}%`;

/** "a, b en c" / "a, b and c"; with "; " between items that have clauses of their own. */
export function andList(items: string[], lang: Lang, clauses = false): string {
  if (items.length <= 1) return items.join('');
  const and = lang === 'nl' ? 'en' : 'and';
  const separator = clauses ? '; ' : ', ';
  return `${items.slice(0, -1).join(separator)}${separator === '; ' ? ';' : ''} ${and} ${items[items.length - 1]}`;
}

const verb = (before: string, core: string, after: string) => [before, core, after].filter(Boolean).join(' ');

function flowPhases(facts: ParagraphFacts, withData: ParagraphFacts['phases']): string {
  const { lang, words, options } = facts;
  let clauses = false;
  const items = withData.map(({ figure, forced }, i) => {
    const { from, to } = phaseOfKey(figure.phase);
    const range = weekRange(from, to, lang);
    const about = aboutFigure(figure.mean!, lang);
    const part = options.forced && forced?.mean != null ? `, ${forcedPart(forced.mean, figure.mean!, lang)}` : '';
    const gap = figure.weeksWithData < figure.weeksInRange ? gapClause(figure, lang) : '';
    clauses ||= Boolean(part || gap);
    // None at all reads "geen", not "0" (Dublin transfers stopped from March to July 2020).
    const none = facts.kind === 'flow' && figure.mean === 0;
    if (i > 0) return `${range} ${facts.kind === 'share' ? pct(figure.mean!, lang) : none ? (lang === 'nl' ? 'geen' : 'none') : about}${part}${gap}`;
    if (none) return lang === 'nl' ? `${range} ${verb(words.perfect[0], `geen ${words.subject}`, words.perfect[1])}${gap}` : `${range}, no ${words.subject} ${words.perfect[1] || 'were counted'}${gap}`;
    if (facts.kind === 'share') return lang === 'nl' ? `${range} was het aandeel ${words.subject} gemiddeld ${pct(figure.mean!, lang)}${gap}` : `${range} the share of ${words.subject} was ${pct(figure.mean!, lang)} on average${gap}`;
    return lang === 'nl'
      ? `${range} ${verb(words.perfect[0], `gemiddeld ${about} ${words.subject} per week`, words.perfect[1])}${part}${gap}`
      : words.perfect[1]
        ? `${range}, on average ${about} ${words.subject} per week ${words.perfect[1]}${part}${gap}`
        : `${range} there were on average ${about} ${words.subject} per week${part}${gap}`;
  });
  return `${capitalise(andList(items, lang, clauses))}.`;
}

function stockPhases(facts: ParagraphFacts, withData: ParagraphFacts['phases']): string {
  const { lang, words } = facts;
  const items = withData.map(({ figure }, i) => {
    const end = week(figure.lastWeek!, lang);
    const about = aboutFigure(figure.lastValue!, lang);
    if (lang === 'nl') return i === 0 ? `eind ${end} ${verb(words.past[0], `${about} ${words.subject}`, words.past[1])}` : `eind ${end} ${about}`;
    return i === 0 ? `at the end of ${end}, ${about} ${words.subject} ${words.past[1] || 'were counted'}` : `at the end of ${end} ${about}`;
  });
  return `${capitalise(andList(items, lang))}.`;
}

/** The level before the crisis (or in the reference period), once, at the end. */
function baselineSentence(facts: ParagraphFacts, withData: ParagraphFacts['phases']): string | null {
  const { lang, words, baseline, kind, options } = facts;
  const nl = lang === 'nl';
  if (baseline.method === 'seasonal') {
    const values = withData.map(({ figure }) => figure.baseline);
    if (values.some((v) => v === null) || kind === 'stock') return null;
    const figures = kind === 'share' ? values.map((v) => pct(v!, lang)) : values.map((v) => aboutFigure(v!, lang));
    const each = values.length > 1 ? (nl ? 'respectievelijk ' : 'respectively ') : '';
    if (kind === 'share') return nl ? `In dezelfde weken van ${baseline.referenceYear} was dat ${each}${andList(figures, lang)}.` : `In the same weeks of ${baseline.referenceYear} it was ${each}${andList(figures, lang)}.`;
    return nl
      ? `In dezelfde weken van ${baseline.referenceYear} ${verb(words.past[0], `gemiddeld ${each}${andList(figures, lang)} ${words.subject} per week`, words.past[1])}.`
      : `In the same weeks of ${baseline.referenceYear}, on average ${each}${andList(figures, lang)} ${words.subject} per week ${words.past[1] || 'were counted'}.`;
  }
  const with_ = withData.find((p) => p.figure.baseline !== null);
  if (!with_) return null;
  const value = with_.figure.baseline!;
  const when = baseline.preCrisis
    ? nl
      ? kind === 'stock' ? `eind ${week(baseline.to, lang)}, vóór de COVID-19-crisis,` : 'in de weken vóór de COVID-19-crisis'
      : kind === 'stock' ? `at the end of ${week(baseline.to, lang)}, before the COVID-19 crisis` : 'in the weeks before the COVID-19 crisis'
    : nl
      ? kind === 'stock' ? `eind ${week(baseline.to, lang)}, in de referentieperiode,` : `${weekRange(baseline.from, baseline.to, lang)}, de referentieperiode,`
      : kind === 'stock' ? `at the end of ${week(baseline.to, lang)}, in the reference period` : `${weekRange(baseline.from, baseline.to, lang)}, the reference period`;
  if (kind === 'share') return `${capitalise(when)}${nl ? ' was dat gemiddeld' : ', it was on average'} ${pct(value, lang)}.`;
  // None at all then reads "geen" (video hearings before the crisis), not "gemiddeld 0".
  if (value === 0 && kind === 'flow') return nl ? `${capitalise(when)} ${verb(words.past[0], `geen ${words.subject}`, words.past[1])}.` : `${capitalise(when)}, no ${words.subject} ${words.past[1] || 'were counted'}.`;
  // "nog" (still) only where the level was higher then than in the last phase.
  const last = withData[withData.length - 1].figure;
  const lastValue = kind === 'stock' ? last.lastValue! : last.mean!;
  const still = roundForLetter(value) > roundForLetter(lastValue) ? (nl ? 'nog ' : 'still ') : '';
  const average = kind === 'stock' ? '' : baseline.method === 'median' ? (nl ? 'doorgaans ' : 'typically ') : nl ? 'gemiddeld ' : 'on average ';
  const perWeek = kind === 'stock' ? '' : ' per week';
  const forcedBase = options.forced && kind !== 'stock' ? withData.find((p) => p.forced?.baseline != null)?.forced?.baseline : undefined;
  const part = forcedBase != null ? `, ${forcedPart(forcedBase, value, lang)}` : '';
  if (nl) return `${capitalise(when)} ${verb(words.past[0], `${still}${average}${aboutFigure(value, lang)} ${words.subject}${perWeek}`, words.past[1])}${part}.`;
  return `${capitalise(when)}, ${words.past[1] ? '' : 'there were '}${still}${average}${aboutFigure(value, lang)} ${words.subject}${perWeek}${words.past[1] ? ` ${words.past[1]}` : ''}${part}.`;
}

/** Each phase as % of the baseline, in one sentence; off by default, as the letter gives none. */
function percentSentence(facts: ParagraphFacts, withData: ParagraphFacts['phases']): string | null {
  const { lang, baseline } = facts;
  const values = withData.map(({ figure }) => figure.pct);
  if (values.some((v) => v === null) || facts.kind !== 'flow') return null;
  const each = values.length > 1 ? (lang === 'nl' ? 'respectievelijk ' : 'respectively ') : '';
  const level = baseline.method === 'seasonal'
    ? lang === 'nl' ? `van dezelfde weken van ${baseline.referenceYear}` : `of the same weeks of ${baseline.referenceYear}`
    : lang === 'nl' ? (baseline.preCrisis ? 'van het niveau van vóór de COVID-19-crisis' : 'van het niveau in de referentieperiode') : baseline.preCrisis ? 'of the level before the COVID-19 crisis' : 'of the level of the reference period';
  return lang === 'nl' ? `Dat is ${each}${andList(values.map((v) => pct(v!, lang)), lang)} ${level}.` : `That is ${each}${andList(values.map((v) => pct(v!, lang)), lang)} ${level}.`;
}

export function letterParagraph(facts: ParagraphFacts): string {
  const { lang, kind } = facts;
  const sorted = [...facts.phases].sort((a, b) => a.figure.phase.localeCompare(b.figure.phase));
  const withData = sorted.filter((p) => p.figure.mean !== null && (kind !== 'stock' || p.figure.lastValue !== null));
  const without = sorted.filter((p) => !withData.includes(p));
  const sentences: string[] = [];
  if (withData.length) sentences.push(kind === 'stock' ? stockPhases(facts, withData) : flowPhases(facts, withData));
  if (without.length) {
    // "week 18 tot en met week 26 van 2020": the range without its leading "van".
    const ranges = andList(without.map((p) => weekRange(phaseOfKey(p.figure.phase).from, phaseOfKey(p.figure.phase).to, lang).replace(/^(van|from) /, '')), lang);
    sentences.push(lang === 'nl' ? `Over ${ranges} zijn geen cijfers.` : `There are no figures for ${ranges}.`);
  }
  if (facts.runningTotal && facts.runningTotal.figure.total !== null) sentences.push(runningTotalSentence({ lang, figure: facts.runningTotal.figure, words: facts.words, forced: facts.runningTotal.forced }));
  if (withData.length && facts.options.percentages) {
    const sentence = percentSentence(facts, withData);
    if (sentence) sentences.push(sentence);
  }
  if (withData.length) {
    const sentence = baselineSentence(facts, withData);
    if (sentence) sentences.push(sentence);
  }
  return sentences.join(' ');
}
