export interface WeekPoint {
  /** ISO week, "2020-W27". */
  week: string;
  /** Monday, "YYYY-MM-DD". */
  weekStart: string;
  /** null: no export gave this week. */
  value: number | null;
  revised: boolean;
  fileName: string | null;
  line: number | null;
  exportDate: string | null;
}

export interface ChartSeries {
  metric: string;
  label: string;
  color: string;
  points: WeekPoint[];
}
