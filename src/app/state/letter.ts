/**
 * The letter drafter's material for one view: per phase, each figure's row of the phase table
 * and its sentence, plus the running totals; and the same as plain text, HTML (pastes into Word
 * as a table) and CSV rows. Figures come from src/metrics/phases.ts; nothing is computed here
 * beyond rounding for display.
 */
import type { CsvCell } from '../../export/csv';
import { escapeHtml } from '../../export/clipboard';
import { formatDay, formatNumber, weekLabel, weeksLabel } from '../../i18n/format';
import type { Lang, Translate } from '../../i18n/language';
import { letterParagraph, type ParagraphOptions } from '../../i18n/paragraphs';
import { phaseSentence, plainWords, runningTotalSentence, weekRange, type BaselineFacts, type SentenceKind } from '../../i18n/sentences';
import { forcedPartOf, metricDefinition, type LetterWords, type MetricId } from '../../domain/catalogue';
import { derivedMetric, panelMetrics, type PanelDefinition } from '../../domain/panels';
import { inOrder } from '../../domain/isoWeek';
import { phaseKey, phaseOfKey, type Phase, type PhaseFigure } from '../../domain/phases';
import { roundForLetter, roundPercent } from '../../domain/rounding';
import type { ViewState } from './viewState';

export interface LetterRow {
  metric: string;
  label: string;
  figure: PhaseFigure;
  sentence: string;
  /** A running total's forced part, stated in the same sentence. */
  forced?: PhaseFigure;
}

export interface LetterPhase {
  key: string;
  title: string;
  isBaseline: boolean;
  rows: LetterRow[];
}

export interface Letter {
  phases: LetterPhase[];
  runningTotals: LetterRow[];
  /** Every figure of the letter, in the panels' order. */
  metrics: string[];
  baseline: BaselineFacts;
  lang: Lang;
}

/** A figure's paragraph, and the exact figures behind it for the source note. */
export interface LetterParagraph {
  metric: string;
  label: string;
  text: string;
  /** The figures the paragraph states, with the phase (or running-total) title they belong to. */
  basis: { title: string; figure: PhaseFigure; label: string }[];
}

const CRISIS_STARTS = '2020-W12';

/** The baseline window first, then the user's phases; duplicates of a range count once. */
export function letterPhases(view: ViewState): Phase[] {
  const [from, to] = inOrder(view.baselineFrom, view.baselineTo);
  const phases: Phase[] = [{ from, to, name: '' }, ...view.phases];
  return phases.filter((p, i) => phases.findIndex((q) => phaseKey(q) === phaseKey(p)) === i);
}

/** From the week the running totals start up to the end of the view (or of the data). */
export function runningTotalPhase(view: ViewState, cumulativeFromWeek: string, lastWeek: string | null): Phase | null {
  const to = view.to ?? lastWeek;
  return to && to >= cumulativeFromWeek ? { from: cumulativeFromWeek, to, name: '' } : null;
}

function kindOf(metric: string): SentenceKind {
  const derived = derivedMetric(metric);
  if (derived) return derived.kind === 'share' ? 'share' : 'flow';
  return metricDefinition(metric)?.kind ?? 'flow';
}

function nounOf(metric: string, lang: Lang, label: string): string {
  return (derivedMetric(metric) ?? metricDefinition(metric))?.noun[lang] ?? label;
}

/** The letter's words for a figure: the catalogue's, or "waren er ... {noun}" where it has none. */
function wordsOf(metric: string, lang: Lang, label: string): LetterWords {
  return metricDefinition(metric)?.letter?.[lang] ?? plainWords(nounOf(metric, lang, label), lang);
}

interface BuildInput {
  figures: PhaseFigure[];
  phases: Phase[];
  runningTotal: Phase | null;
  panels: PanelDefinition[];
  /** Metrics the data has (derived figures count when a component is there). */
  shown: (metric: string) => boolean;
  labelOf: (metric: string) => string;
  view: ViewState;
  lang: Lang;
  t: Translate;
}

export function buildLetter({ figures, phases, runningTotal, panels, shown, labelOf, view, lang, t }: BuildInput): Letter {
  const byKey = new Map(figures.map((f) => [`${f.metric}|${f.phase}`, f]));
  const figureOf = (metric: string | undefined, phase: string) => (metric ? byKey.get(`${metric}|${phase}`) : undefined);
  const metrics = [...new Set(panels.flatMap(panelMetrics))].filter(shown);
  const asTotal = new Set<string>(panels.flatMap((p) => p.cumulative ?? []));
  const [from, to] = inOrder(view.baselineFrom, view.baselineTo);
  const baseline: BaselineFacts = { method: view.method, from, to, referenceYear: view.referenceYear, preCrisis: to < CRISIS_STARTS };
  const forcedOf = (metric: string) => forcedPartOf(metric as MetricId);

  let number = 0;
  const letterPhases = phases.map((phase, i): LetterPhase => {
    const key = phaseKey(phase);
    const isBaseline = i === 0;
    const title = isBaseline ? t('baselinePhase') : phase.name || t('phaseNumbered', { n: ++number });
    const rows = metrics.flatMap((metric): LetterRow[] => {
      const figure = figureOf(metric, key);
      if (!figure) return [];
      const forced = figureOf(forcedOf(metric), key);
      const sentence = phaseSentence({ lang, figure, kind: kindOf(metric), noun: nounOf(metric, lang, labelOf(metric)), forced, asTotal: asTotal.has(metric), baseline });
      return [{ metric, label: labelOf(metric), figure, sentence }];
    });
    return { key, title, isBaseline, rows };
  });

  const runningTotals = runningTotal
    ? [...asTotal]
        .filter((metric) => shown(metric) && !metricDefinition(metric)?.partOf)
        .flatMap((metric): LetterRow[] => {
          const figure = figureOf(metric, phaseKey(runningTotal));
          if (!figure) return [];
          const forced = figureOf(forcedOf(metric), phaseKey(runningTotal));
          return [{ metric, label: labelOf(metric), figure, forced, sentence: runningTotalSentence({ lang, figure, words: wordsOf(metric, lang, labelOf(metric)), forced }) }];
        })
    : [];
  return { phases: letterPhases, runningTotals, metrics, baseline, lang };
}

/**
 * One paragraph per figure across all phases (src/i18n/paragraphs.ts). A total's forced part is
 * named in its paragraph only when asked for; the forced part has a paragraph of its own too.
 */
export function letterParagraphs(letter: Letter, options: ParagraphOptions, t: Translate): LetterParagraph[] {
  const { lang } = letter;
  const phases = letter.phases.filter((p) => !p.isBaseline);
  const rowOf = (phase: LetterPhase, metric: string | undefined) => (metric ? phase.rows.find((r) => r.metric === metric) : undefined);
  return letter.metrics.flatMap((metric): LetterParagraph[] => {
    const rows = phases.flatMap((phase) => {
      const row = rowOf(phase, metric);
      return row ? [{ phase, row, forced: rowOf(phase, forcedPartOf(metric as MetricId)) }] : [];
    });
    if (rows.length === 0) return [];
    const label = rows[0].row.label;
    const running = letter.runningTotals.find((r) => r.metric === metric);
    const runningForced = running?.forced;
    const text = letterParagraph({
      lang,
      kind: kindOf(metric),
      words: wordsOf(metric, lang, label),
      phases: rows.map(({ row, forced }) => ({ figure: row.figure, forced: forced?.figure })),
      baseline: letter.baseline,
      runningTotal: running ? { figure: running.figure, forced: runningForced } : undefined,
      options,
    });
    const windowPhase = letter.phases.find((p) => p.isBaseline);
    const withForced = options.forced || running !== undefined;
    const basis = [...(windowPhase ? [windowPhase] : []), ...phases].flatMap((phase) =>
      [rowOf(phase, metric), withForced ? rowOf(phase, forcedPartOf(metric as MetricId)) : undefined]
        .filter((r): r is LetterRow => r !== undefined)
        .map((r) => ({ title: `${phase.title}, ${weeksLabel(phaseOfKey(phase.key), lang)}`, figure: r.figure, label: r.label })),
    );
    if (running) {
      const title = `${t('runningTotals')}, ${weeksLabel(phaseOfKey(running.figure.phase), lang)}`;
      basis.push({ title, figure: running.figure, label: running.label });
      if (runningForced) basis.push({ title, figure: runningForced, label: metricDefinition(runningForced.metric)?.label[lang] ?? runningForced.metric });
    }
    return [{ metric, label, text, basis }];
  });
}

/**
 * The briefing's compact table: a row per figure, a column per phase, each cell the rounded
 * weekly mean and its % of the baseline, and for a phase with missing weeks how many it has.
 * As shown, copied (text and HTML) and written into Word.
 */
export function compactTable(letter: Letter, metrics: string[], t: Translate): { header: string[]; rows: { metric: string; label: string; cells: { phase: string; figure: PhaseFigure | null; text: string }[] }[] } {
  const { lang } = letter;
  const header = [t('figure'), ...letter.phases.map((p) => `${p.title} (${weeksLabel(phaseOfKey(p.key), lang)})`)];
  const rows = metrics
    .filter((metric) => letter.phases.some((p) => p.rows.some((r) => r.metric === metric)))
    .map((metric) => ({
      metric,
      label: letter.phases.flatMap((p) => p.rows).find((r) => r.metric === metric)!.label,
      cells: letter.phases.map((phase) => {
        const f = phase.rows.find((r) => r.metric === metric)?.figure ?? null;
        if (!f) return { phase: phase.key, figure: null, text: '' };
        const parts = [f.mean === null ? '–' : formatNumber(roundForLetter(f.mean), lang)];
        if (f.pct !== null && !phase.isBaseline) parts.push(`(${formatNumber(roundPercent(f.pct), lang)}%)`);
        if (f.weeksWithData < f.weeksInRange) parts.push(`[${[t('weeksOf', { with: f.weeksWithData, in: f.weeksInRange }), weeksLeftOut(f, t)].filter(Boolean).join('; ')}]`);
        return { phase: phase.key, figure: f, text: parts.join(' ') };
      }),
    }));
  return { header, rows };
}

/** Weeks with figures that were left out: partial weeks, and for a derived figure weeks missing a component. */
export function weeksLeftOut(f: PhaseFigure, t: Translate): string {
  return [
    f.weeksIncomplete > 0 ? t('weeksIncomplete', { n: f.weeksIncomplete }) : '',
    f.weeksPartial > 0 ? t('weeksPartial', { n: f.weeksPartial }) : '',
  ].filter(Boolean).join('; ');
}

/** The compact table for pasting: tab-separated text, and HTML that pastes into Word as a table. */
export function compactTableAsText(table: ReturnType<typeof compactTable>): { text: string; html: string } {
  const rows = table.rows.map((r) => [r.label, ...r.cells.map((c) => c.text)]);
  return {
    text: [table.header, ...rows].map((r) => r.join('\t')).join('\n'),
    html:
      `<table border="1" cellpadding="4" style="border-collapse:collapse"><thead><tr>${table.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>` +
      rows.map((r) => `<tr>${r.map((c, i) => `<td${i > 0 ? ' style="text-align:right"' : ''}>${escapeHtml(c)}</td>`).join('')}</tr>`).join('') +
      '</tbody></table>',
  };
}

/** Every export behind the letter's figures, newest first, with its date: the document's sources section. */
export function letterExports(letter: Letter, t: Translate): string[] {
  const files = new Map<string, string>();
  for (const row of [...letter.phases.flatMap((p) => p.rows), ...letter.runningTotals]) for (const s of row.figure.sources) files.set(s.fileName, s.exportDate);
  return [...files]
    .sort(([a, x], [b, y]) => y.localeCompare(x) || a.localeCompare(b))
    .map(([file, date]) => `${file} (${t('exportOf', { date: formatDay(date, letter.lang) })})`);
}

/** The phase table's header, as shown, copied and downloaded. */
export function phaseTableHeader(t: Translate): string[] {
  return [t('phase'), t('weeks'), t('figure'), t('meanExact'), t('meanRounded'), t('totalExact'), t('weeksWithData'), t('baseline'), t('ofBaseline')];
}

/** One row per figure and phase; numbers exact (and the rounded mean), for CSV. */
export function phaseTableRows(letter: Letter, lang: Lang): CsvCell[][] {
  return letter.phases.flatMap((phase) =>
    phase.rows.map(({ label, figure: f }) => [
      phase.title,
      weekRange(phaseOfKey(phase.key).from, phaseOfKey(phase.key).to, lang),
      label,
      f.mean,
      f.mean === null ? null : roundForLetter(f.mean),
      f.total,
      `${f.weeksWithData}/${f.weeksInRange}`,
      f.baseline,
      f.pct,
    ]),
  );
}

/** The same rows for reading: Dutch (or English) number format. */
export function phaseTableDisplayRows(letter: Letter, lang: Lang): string[][] {
  const n = (value: CsvCell, digits = 2) => (typeof value === 'number' ? formatNumber(value, lang, digits) : (value ?? '–'));
  return phaseTableRows(letter, lang).map((row) => row.map((value, i) => (i === 4 ? n(value, 1) : i === 8 && typeof value === 'number' ? `${n(value, 1)}%` : n(value))));
}

/**
 * The compact note that goes with a copied sentence or paragraph, ready as a footnote: the exact
 * figures in the reader's number format, per label and period, the exports and their dates, and
 * the weeks a newer export revised.
 */
export function basisNote(basis: LetterParagraph['basis'], t: Translate, lang: Lang): string {
  const n = (value: number) => formatNumber(value, lang, 2);
  const byLabel = new Map<string, string[]>();
  const files = new Map<string, string>();
  const revised = new Set<string>();
  for (const { title, figure: f, label } of basis) {
    const value =
      f.mean === null
        ? t('noteNone')
        : f.total !== null && title.startsWith(t('runningTotals'))
          ? t('noteTotal', { value: n(f.total) })
          : f.total === null && f.lastWeek !== null && metricDefinition(f.metric)?.kind === 'stock'
            ? t('noteLevel', { week: weekLabel(f.lastWeek, lang), value: n(f.lastValue!), mean: n(f.mean) })
            : t('noteMean', { value: n(f.mean) });
    const gap = f.weeksWithData < f.weeksInRange ? ` (${t('noteWeeks', { with: f.weeksWithData, in: f.weeksInRange })})` : '';
    byLabel.set(label, [...(byLabel.get(label) ?? []), `${title}: ${value}${gap}`]);
    for (const source of f.sources) files.set(source.fileName, source.exportDate);
    for (const week of f.revisedWeeks) revised.add(week);
  }
  const parts = [...byLabel].map(([label, items]) => `${label}: ${items.join('; ')}`);
  parts.push(t('noteExports', { files: [...files].map(([file, date]) => `${file} (${t('exportOf', { date: formatDay(date, lang) })})`).join(', ') || t('noSources') }));
  if (revised.size) parts.push(t('noteRevised', { weeks: [...revised].sort().map((w) => weekLabel(w, lang)).join(', ') }));
  return `${t('noteTitle')}: ${parts.join('. ')}.`;
}

export function sourcesText(figure: PhaseFigure, t: Translate, lang: Lang): string {
  return figure.sources.map((s) => `${s.fileName} (${t('exportOf', { date: formatDay(s.exportDate, lang) })})`).join(', ');
}

/** Everything, for pasting: the phase table, then each phase's sentences and the running totals. */
export function letterAsText(letter: Letter, t: Translate, lang: Lang, parts: { table: boolean; sentences: boolean }): { text: string; html: string } {
  const header = phaseTableHeader(t);
  const rows = phaseTableDisplayRows(letter, lang);
  const text: string[] = [];
  const html: string[] = [];
  if (parts.table) {
    text.push([header, ...rows].map((r) => r.join('\t')).join('\n'));
    html.push(
      `<table border="1" cellpadding="4" style="border-collapse:collapse"><thead><tr>${header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>` +
        rows.map((r) => `<tr>${r.map((c, i) => `<td${i >= 3 && i !== 6 ? ' style="text-align:right"' : ''}>${escapeHtml(c)}</td>`).join('')}</tr>`).join('') +
        '</tbody></table>',
    );
  }
  if (parts.sentences) {
    for (const phase of letter.phases) {
      text.push(`${phase.title}\n${phase.rows.map((r) => r.sentence).join('\n')}`);
      html.push(`<h3>${escapeHtml(phase.title)}</h3>${phase.rows.map((r) => `<p>${escapeHtml(r.sentence)}</p>`).join('')}`);
    }
    if (letter.runningTotals.length) {
      text.push(`${t('runningTotals')}\n${letter.runningTotals.map((r) => r.sentence).join('\n')}`);
      html.push(`<h3>${escapeHtml(t('runningTotals'))}</h3>${letter.runningTotals.map((r) => `<p>${escapeHtml(r.sentence)}</p>`).join('')}`);
    }
  }
  return { text: text.join('\n\n'), html: html.join('\n') };
}
