/** The backlog's vocabulary: where its figures come from, how they were made, what a summary holds. */
export type BacklogSource = 'weekly' | 'cases';

/**
 * What the data allowed: 'cases' counts the stock case by case; 'reconciled' has stock and both
 * flows (implied = last reported stock + applications - decisions since); 'stock_from_flows' has
 * both flows and one known stock; 'flow_from_stock' has only the stock (net change = its
 * difference); 'flows_only' has flows but no stock to start from.
 */
export type BacklogMode = 'cases' | 'reconciled' | 'stock_from_flows' | 'flow_from_stock' | 'flows_only' | 'none';

export interface BacklogSummary {
  mode: BacklogMode;
  latestWeek: string | null;
  latestWeekStart: string | null;
  open: number | null;
  /** Trailing means at the latest week. */
  applicationsRate: number | null;
  decisionsRate: number | null;
  /** Standard deviation of the weekly net change over the trailing weeks: the projection's band. */
  netChangeSd: number | null;
  waitWeeks: number | null;
  /** Mean wait over the baseline window, and the stock at its end. */
  waitBaseline: number | null;
  openBaseline: number | null;
  /** Weeks where reported and implied stock differ. */
  weeksDiffering: number;
  /** The newest week ending after its export date: shown, left out of the latest week and the trailing rates. */
  partialWeek: string | null;
  /** Case-level: the first week with a decision, where the stock is complete and the weeks start, when earlier weeks had receipts (else null). */
  completeFrom: string | null;
}

export type BreakdownBy = 'nationality' | 'hearing';
