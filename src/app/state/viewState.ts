/**
 * Everything that makes a view lives in the URL, so a copied link reopens it and back and
 * forward step through changes. Parsing is forgiving: anything invalid falls back to its default.
 */
import { checkedWeek, formatIsoWeek, inOrder, parseCalendarDate } from '../../domain/isoWeek';
import type { Lang } from '../../i18n/language';
import type { PanelId } from '../../domain/catalogue';
import type { BaselineMethod } from '../../domain/baseline';
import { PANELS } from '../../domain/panels';
import type { BacklogSource, BreakdownBy } from '../../domain/backlog';
import { LETTER_PHASES, phaseKey, type Phase } from '../../domain/phases';

export type View = 'dashboard' | 'backlog' | 'letter' | 'briefing' | 'files';
const VIEWS: View[] = ['dashboard', 'backlog', 'letter', 'briefing', 'files'];

export interface ViewState {
  view: View;
  lang: Lang;
  /** ISO weeks "2020-W27"; null: the first or last loaded week. */
  from: string | null;
  to: string | null;
  baselineFrom: string;
  baselineTo: string;
  method: BaselineMethod;
  referenceYear: number;
  rolling: boolean;
  panels: PanelId[];
  /** Running totals start in the week of this day, "YYYY-MM-DD". */
  cumulativeFrom: string;
  /** The user's own events on the charts. */
  notes: { date: string; text: string }[];
  /** The phases of the phase table and sentences (the baseline window is always added). */
  phases: Phase[];
  backlog: BacklogSettings;
}

export interface BacklogSettings {
  /** null: case-level data when the dataset has it, else the weekly exports. */
  source: BacklogSource | null;
  trailingWeeks: number;
  termMonths: number;
  projectionWeeks: number;
  extraDecisions: number;
  inflowChangePct: number;
  /** Open cases to reach; null: the pre-COVID level (the stock at the end of the baseline window). */
  target: number | null;
  /** The day by which to reach it, "YYYY-MM-DD"; null: half a year after the latest week. */
  targetDate: string | null;
  breakdown: BreakdownBy;
}

export const DEFAULT_BACKLOG: BacklogSettings = {
  source: null,
  trailingWeeks: 8,
  termMonths: 6,
  projectionWeeks: 26,
  extraDecisions: 0,
  inflowChangePct: 0,
  target: null,
  targetDate: null,
  breakdown: 'nationality',
};

/** The 52 ISO weeks before the crisis (the asylum procedure was suspended in 2020-W12). */
export const DEFAULT_VIEW: ViewState = {
  view: 'dashboard',
  lang: 'nl',
  from: null,
  to: null,
  baselineFrom: '2019-W12',
  baselineTo: '2020-W11',
  method: 'mean',
  referenceYear: 2019,
  rolling: false,
  panels: PANELS.map((p) => p.id),
  cumulativeFrom: '2020-07-01',
  notes: [],
  phases: [...LETTER_PHASES],
  backlog: DEFAULT_BACKLOG,
};

const METHODS: BaselineMethod[] = ['mean', 'median', 'seasonal'];
const PANEL_IDS = PANELS.map((p) => p.id);

/** "2020-W7", "2020-w07" → "2020-W07"; null if it is not an existing ISO week. */
export function normaliseWeek(text: string | null): string | null {
  const m = /^(\d{4})-?W(\d{1,2})$/i.exec(text?.trim() ?? '');
  if (!m) return null;
  const checked = checkedWeek(Number(m[1]), Number(m[2]));
  return checked.ok ? formatIsoWeek(checked.week) : null;
}

export function parseViewState(search: string): ViewState {
  const q = new URLSearchParams(search);
  const pick = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => (allowed.includes(q.get(name) as T) ? (q.get(name) as T) : fallback);
  const panels = q.has('panels') ? (q.get('panels') ?? '').split(',').filter((p): p is PanelId => PANEL_IDS.includes(p as PanelId)) : DEFAULT_VIEW.panels;
  const year = Number(q.get('ref'));
  return {
    view: pick('view', VIEWS, DEFAULT_VIEW.view),
    lang: pick('lang', ['nl', 'en'], DEFAULT_VIEW.lang),
    from: normaliseWeek(q.get('from')),
    to: normaliseWeek(q.get('to')),
    baselineFrom: normaliseWeek(q.get('bfrom')) ?? DEFAULT_VIEW.baselineFrom,
    baselineTo: normaliseWeek(q.get('bto')) ?? DEFAULT_VIEW.baselineTo,
    method: pick('method', METHODS, DEFAULT_VIEW.method),
    referenceYear: Number.isInteger(year) && year >= 1990 && year <= 2999 ? year : DEFAULT_VIEW.referenceYear,
    rolling: q.get('rolling') === '1',
    panels,
    cumulativeFrom: parseCalendarDate(q.get('cumfrom') ?? '') ?? DEFAULT_VIEW.cumulativeFrom,
    notes: q.getAll('note').flatMap((note) => {
      const [day, ...text] = note.split(':');
      const date = parseCalendarDate(day);
      return date && text.join(':').trim() ? [{ date, text: text.join(':').trim() }] : [];
    }),
    // An empty "phase" parameter keeps a list the user emptied.
    phases: q.has('phase') ? q.getAll('phase').flatMap((p) => parsePhase(p) ?? []) : DEFAULT_VIEW.phases,
    backlog: {
      source: pick<BacklogSource | 'auto'>('bsource', ['weekly', 'cases', 'auto'], 'auto') === 'auto' ? null : (q.get('bsource') as BacklogSource),
      trailingWeeks: number('bweeks', 1, 52, DEFAULT_BACKLOG.trailingWeeks),
      termMonths: number('term', 1, 60, DEFAULT_BACKLOG.termMonths),
      projectionWeeks: number('pweeks', 1, 156, DEFAULT_BACKLOG.projectionWeeks),
      extraDecisions: number('extra', -100_000, 100_000, DEFAULT_BACKLOG.extraDecisions),
      inflowChangePct: number('inflow', -100, 1000, DEFAULT_BACKLOG.inflowChangePct),
      target: q.has('target') ? number('target', 0, 1e9, 0) : null,
      targetDate: parseCalendarDate(q.get('tdate') ?? ''),
      breakdown: pick('bby', ['nationality', 'hearing'], DEFAULT_BACKLOG.breakdown),
    },
  };

  function number(name: string, min: number, max: number, fallback: number): number {
    const value = Number(q.get(name) ?? '');
    return q.get(name) !== null && q.get(name) !== '' && Number.isFinite(value) && value >= min && value <= max ? value : fallback;
  }
}

/** "2020-W27/2020-W37" or "2020-W27/2020-W37:Name"; weeks given back to front mean the same phase. */
export function parsePhase(text: string): Phase | null {
  const [range, ...name] = text.split(':');
  const [a, b] = range.split('/').map((w) => normaliseWeek(w));
  if (!a || !b) return null;
  const [from, to] = inOrder(a, b);
  return { from, to, name: name.join(':').trim() };
}

const serialisePhase = (phase: Phase) => (phase.name ? `${phaseKey(phase)}:${phase.name}` : phaseKey(phase));

/** Only what differs from the default goes into the URL, in a fixed order. */
export function serialiseViewState(state: ViewState): string {
  const q = new URLSearchParams();
  const put = (name: string, value: string | null, fallback: string | null) => value !== null && value !== fallback && q.set(name, value);
  put('view', state.view, DEFAULT_VIEW.view);
  put('lang', state.lang, DEFAULT_VIEW.lang);
  put('from', state.from, null);
  put('to', state.to, null);
  put('bfrom', state.baselineFrom, DEFAULT_VIEW.baselineFrom);
  put('bto', state.baselineTo, DEFAULT_VIEW.baselineTo);
  put('method', state.method, DEFAULT_VIEW.method);
  put('ref', String(state.referenceYear), String(DEFAULT_VIEW.referenceYear));
  put('rolling', state.rolling ? '1' : null, null);
  put('panels', state.panels.join(','), DEFAULT_VIEW.panels.join(','));
  put('cumfrom', state.cumulativeFrom, DEFAULT_VIEW.cumulativeFrom);
  for (const note of state.notes) q.append('note', `${note.date}:${note.text}`);
  const b = state.backlog;
  put('bsource', b.source, null);
  put('bweeks', String(b.trailingWeeks), String(DEFAULT_BACKLOG.trailingWeeks));
  put('term', String(b.termMonths), String(DEFAULT_BACKLOG.termMonths));
  put('pweeks', String(b.projectionWeeks), String(DEFAULT_BACKLOG.projectionWeeks));
  put('extra', String(b.extraDecisions), String(DEFAULT_BACKLOG.extraDecisions));
  put('inflow', String(b.inflowChangePct), String(DEFAULT_BACKLOG.inflowChangePct));
  put('target', b.target === null ? null : String(b.target), null);
  put('tdate', b.targetDate, null);
  put('bby', b.breakdown, DEFAULT_BACKLOG.breakdown);
  const phases = state.phases.map(serialisePhase);
  if (phases.join() !== DEFAULT_VIEW.phases.map(serialisePhase).join()) for (const phase of phases.length ? phases : ['']) q.append('phase', phase);
  const text = q.toString();
  return text ? `?${text}` : '';
}
