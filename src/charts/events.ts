/**
 * Events on a chart as numbered markers, with the text in a list under the chart: full labels
 * at the top of a chart overlap as soon as two events are weeks apart (the procedure suspended in
 * week 11, the crisis from week 12; two events in week 18). The numbers themselves are stacked
 * in rows where they would touch.
 */
import { weekLabel } from '../i18n/format';
import type { Lang } from '../i18n/language';

/** An event drawn on the charts: the crisis, a shipped annotation or the user's own note. */
export interface ChartMarker {
  week: string;
  label: string;
}

export interface NumberedEvent extends ChartMarker {
  number: number;
}

/** The markers that fall on the chart's weeks, in week order, numbered from 1. */
export function numberedEvents(markers: readonly ChartMarker[], weeks: readonly string[]): NumberedEvent[] {
  const shown = new Set(weeks);
  return markers
    .filter((m) => shown.has(m.week))
    .map((m, i) => ({ m, i }))
    .sort((a, b) => a.m.week.localeCompare(b.m.week) || a.i - b.i)
    .map(({ m }, i) => ({ ...m, number: i + 1 }));
}

/**
 * A row for each label so that none touches another: labels are centred on `x` and `width`
 * wide; each takes the first row where the previous label ends `gap` before it starts.
 */
export function labelRows(labels: { x: number; width: number }[], gap = 2): number[] {
  const ends: number[] = [];
  return labels.map(({ x, width }) => {
    const start = x - width / 2;
    let row = ends.findIndex((end) => end + gap <= start);
    if (row < 0) row = ends.length;
    ends[row] = x + width / 2;
    return row;
  });
}

/** The list under the chart, as text: "1 Start COVID-19-crisis (week 12 2020)". */
export function eventTexts(markers: readonly ChartMarker[], weeks: readonly string[], lang: Lang): string[] {
  return numberedEvents(markers, weeks).map((e) => `${e.number} ${e.label} (${weekLabel(e.week, lang)})`);
}
