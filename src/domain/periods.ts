/**
 * Periods longer than a week, in the notations public statistics use (CBS StatLine, IND, Eurostat,
 * and Dutch spreadsheets): months, quarters and years. One parser, so that a month is never read
 * as an ISO week and the monthly grain can build on it. A trailing `*` (CBS: provisional) is kept
 * as a flag, never dropped silently.
 */

export type PeriodGrain = 'month' | 'quarter' | 'year';

export type Period =
  | { grain: 'month'; year: number; month: number }
  | { grain: 'quarter'; year: number; quarter: number }
  | { grain: 'year'; year: number };

export interface PeriodParse {
  period: Period;
  /** The cell ended in `*`: CBS's mark for a provisional figure. */
  provisional: boolean;
}

const MONTHS: Record<string, number> = {
  jan: 1, januari: 1, january: 1,
  feb: 2, febr: 2, februari: 2, february: 2,
  mrt: 3, mar: 3, maart: 3, march: 3,
  apr: 4, april: 4,
  mei: 5, may: 5,
  jun: 6, juni: 6, june: 6,
  jul: 7, juli: 7, july: 7,
  aug: 8, augustus: 8, august: 8,
  sep: 9, sept: 9, september: 9,
  okt: 10, oct: 10, oktober: 10, october: 10,
  nov: 11, november: 11,
  dec: 12, december: 12,
};
const MONTH_NAME = `(${Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|')})\\.?`;
const YEAR = '((?:19|20)\\d{2})';

const PATTERNS: { re: RegExp; read: (m: RegExpExecArray) => Period | null }[] = [
  // 2020-01, 2020/01, 2020-1: a month (a column that also holds 2020-27 is year-week; the table reader decides).
  { re: new RegExp(`^${YEAR}\\s*[-/]\\s*(\\d{1,2})$`), read: (m) => month(m[1], Number(m[2])) },
  // 2020M01 (CBS, Eurostat), 2020MM01 (CBS period code), Y2015M01 (older Eurostat extracts)
  { re: new RegExp(`^y?${YEAR}\\s*mm?\\s*(\\d{1,2})$`), read: (m) => month(m[1], Number(m[2])) },
  // 2020 januari, 2014  februari (CBS spacing), 2020 jan
  { re: new RegExp(`^${YEAR}\\s+${MONTH_NAME}$`), read: (m) => month(m[1], MONTHS[m[2]]) },
  // januari 2020, jan 2020, jan-2020, jan. 2020
  { re: new RegExp(`^${MONTH_NAME}\\s*[-/ ]?\\s*${YEAR}$`), read: (m) => month(m[2], MONTHS[m[1]]) },
  // 2020Q1, 2020-Q1, 2020 Q1, 2020KW01 (CBS period code)
  { re: new RegExp(`^${YEAR}\\s*-?\\s*(?:q|kw)\\s*(\\d{1,2})$`), read: (m) => quarter(m[1], Number(m[2])) },
  // Q1 2020, Q1-2020
  { re: new RegExp(`^q\\s*(\\d)\\s*[-/ ]?\\s*${YEAR}$`), read: (m) => quarter(m[2], Number(m[1])) },
  // 2020 1e kwartaal, 2020 eerste kwartaal
  { re: new RegExp(`^${YEAR}\\s+(\\d|eerste|tweede|derde|vierde)\\s*(?:e|de|ste)?\\s+kwartaal$`), read: (m) => quarter(m[1], ordinal(m[2])) },
  // 1e kwartaal 2020, eerste kwartaal 2020
  { re: new RegExp(`^(\\d|eerste|tweede|derde|vierde)\\s*(?:e|de|ste)?\\s+kwartaal\\s+${YEAR}$`), read: (m) => quarter(m[2], ordinal(m[1])) },
  // 2020, 2020JJ00 (CBS period code for a year)
  { re: new RegExp(`^${YEAR}(?:\\s*jj\\s*00)?$`), read: (m) => ({ grain: 'year', year: Number(m[1]) }) },
];

/** The month, quarter or year a cell names, or null when it names none of them (a week, a date, anything else). */
export function parsePeriod(text: string): PeriodParse | null {
  let t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const provisional = t.endsWith('*');
  if (provisional) t = t.replace(/\s*\*+$/, '');
  for (const { re, read } of PATTERNS) {
    const m = re.exec(t);
    if (!m) continue;
    const period = read(m);
    return period ? { period, provisional } : null;
  }
  return null;
}

/** "2020-03", "2020-Q1", "2020": the period's label as the app writes it. */
export function formatPeriod(period: Period): string {
  if (period.grain === 'month') return `${period.year}-${String(period.month).padStart(2, '0')}`;
  if (period.grain === 'quarter') return `${period.year}-Q${period.quarter}`;
  return String(period.year);
}

function month(year: string, m: number | undefined): Period | null {
  return m !== undefined && m >= 1 && m <= 12 ? { grain: 'month', year: Number(year), month: m } : null;
}

function quarter(year: string, q: number): Period | null {
  return q >= 1 && q <= 4 ? { grain: 'quarter', year: Number(year), quarter: q } : null;
}

function ordinal(word: string): number {
  return { eerste: 1, tweede: 2, derde: 3, vierde: 4 }[word] ?? Number(word);
}
