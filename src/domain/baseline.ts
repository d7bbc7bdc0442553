/** What a figure is set against: the baseline's window and statistic, and the rule for "back at the pre-COVID level". */
export type BaselineMethod = 'mean' | 'median' | 'seasonal';

export interface BaselineSpec {
  /** Mondays "YYYY-MM-DD" of the first and last week of the baseline window (mean and median). */
  first: string;
  last: string;
  method: BaselineMethod;
  /** Seasonal: each week is compared with the same ISO week of this year (week 53 with week 52 where it has none). */
  referenceYear: number;
}

/** A flow is back when its 4-week mean stays at or above this % of the baseline... */
export const FLOW_BACK_PCT = 95;
/** ...a stock when its 4-week mean stays at or below this % of its level at the end of the baseline window. */
export const STOCK_BACK_PCT = 105;

/** The first week of the COVID-19 crisis in the source letter: a baseline window before it is "pre-COVID". */
export const CRISIS_WEEK = '2020-W12';
