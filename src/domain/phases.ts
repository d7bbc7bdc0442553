/** Phases: named, inclusive ISO-week ranges a letter speaks of, and the figures computed per phase. */
export interface Phase {
  /** ISO weeks "2020-W27", inclusive, from <= to. */
  from: string;
  to: string;
  /** The user's name for it; empty: the app numbers it ("Fase 2"). */
  name: string;
}

/** The phases of the public letter of 5 October 2020. */
export const LETTER_PHASES: readonly Phase[] = [
  { from: '2020-W12', to: '2020-W17', name: '' },
  { from: '2020-W18', to: '2020-W26', name: '' },
  { from: '2020-W27', to: '2020-W37', name: '' },
];

/** "2020-W27/2020-W37": how a phase is named in the URL and the test hooks. */
export const phaseKey = (phase: Pick<Phase, 'from' | 'to'>) => `${phase.from}/${phase.to}`;

export function phaseOfKey(key: string): Pick<Phase, 'from' | 'to'> {
  const [from, to] = key.split('/');
  return { from, to };
}

export interface PhaseFigure {
  metric: string;
  /** phaseKey of the phase. */
  phase: string;
  weeksInRange: number;
  weeksWithData: number;
  /** Weeks left out as partial (ending after their export date)... */
  weeksPartial: number;
  /** ...and, for a derived figure, weeks left out because a component had no value. */
  weeksIncomplete: number;
  /** Mean over the weeks with data (a share: the ratio of the sums of its parts); null when none has. */
  mean: number | null;
  /** Sum over the weeks with data; null for a stock or a share, which do not add up. */
  total: number | null;
  /** The last week with data in the phase and its value (for a stock: the level at the end). */
  lastWeek: string | null;
  lastValue: number | null;
  /** The dashboard's baseline; seasonal: the mean of the reference weeks of the phase's weeks with data. */
  baseline: number | null;
  pct: number | null;
  /** The exports behind the figure (for a derived figure: behind its components), newest first. */
  sources: { fileName: string; exportDate: string }[];
  /** ISO weeks in the phase whose value (or a component's) an older export gave differently. */
  revisedWeeks: string[];
}
