/**
 * A cell of a statistics table: a number, a statistical symbol standing in for one, or a number
 * with the source's flag after it. CBS writes `.` (not available), `x` (confidential) and `-`
 * (nil, which is zero); Eurostat writes `:` (not available) and flag letters after a value or
 * after `:` ("1115 p", "0 ep", ": c"). A symbol is a missing figure with its meaning, never "not a
 * number"; a flag stays with its value.
 */
import type { StatisticalSymbol, ValueFlag } from '../domain/parsedExport';
import type { CountParse } from './numbers';

export type StatCell =
  | { kind: 'missing' }
  | { kind: 'value'; value: number; flag?: ValueFlag; flagCode?: string }
  | { kind: 'symbol'; symbol: StatisticalSymbol; value: number | null; flag?: ValueFlag; flagCode?: string }
  | Extract<CountParse, { kind: 'error' }>;

/** A cell that gives a figure: a number, or a symbol that stands for one (CBS "-", nil, is zero); "." and "x" only say there is none. */
export function givesFigure(cell: StatCell): boolean {
  return cell.kind === 'value' || (cell.kind === 'symbol' && cell.value !== null);
}

/** Eurostat's flag letters (its OBS_FLAG code list), first by weight: the one `flag` keeps. */
const FLAG_ORDER: ValueFlag[] = ['p', 'e', 'b', 'c', 'd', 'f', 'i', 'm', 'n', 'r', 's', 'u', 'z'];
const FLAG_CODE = /^@?([bcdefimnprsuz]{1,5})$/i;
/** A value with a flag after it: "1115 p", "0 i", "66.5 bd". */
const FLAGGED_VALUE = /^(.*\d)\s+@?([a-z]{1,5})$/i;

/** A flag code ("bep") as the source wrote it: the flag that counts most, and the whole code when it has more letters. */
export function readFlag(code: string): { flag?: ValueFlag; flagCode?: string } | null {
  const t = code.trim();
  if (t === '') return {};
  const m = FLAG_CODE.exec(t);
  if (!m) return null;
  const letters = m[1].toLowerCase();
  const flag = FLAG_ORDER.find((f) => letters.includes(f))!;
  return letters.length > 1 ? { flag, flagCode: letters } : { flag };
}

/**
 * Reads a cell: `number` parses the figure itself in its column's convention (a count, or a
 * decimal). An empty cell is missing (no figure, nothing to report); any other marker `number`
 * treats as missing stays missing.
 */
export function readStatCell(text: string, number: (text: string) => CountParse): StatCell {
  const t = text.replace(/[\u00A0\u202F\u2009]/g, ' ').trim();
  if (t === '') return { kind: 'missing' };
  if (t === '.') return { kind: 'symbol', symbol: 'not_available', value: null };
  if (t === 'x' || t === 'X') return { kind: 'symbol', symbol: 'confidential', value: null };
  if (t === '-' || t === '–' || t === '—') return { kind: 'symbol', symbol: 'nil', value: 0 };
  const colon = /^:\s*(.*)$/.exec(t);
  if (colon) {
    const flag = readFlag(colon[1]);
    if (flag === null) return { kind: 'error', reason: 'not_a_number', text };
    return { kind: 'symbol', symbol: flag.flagCode?.includes('c') || flag.flag === 'c' ? 'confidential' : 'not_available', value: null, ...flag };
  }
  const flagged = FLAGGED_VALUE.exec(t);
  if (flagged) {
    const flag = readFlag(flagged[2]);
    if (flag === null) return { kind: 'error', reason: 'not_a_number', text };
    const parsed = number(flagged[1]);
    if (parsed.kind !== 'value') return parsed.kind === 'error' ? parsed : { kind: 'error', reason: 'not_a_number', text };
    return { kind: 'value', value: parsed.value, ...flag };
  }
  const parsed = number(t);
  return parsed.kind === 'value' ? { kind: 'value', value: parsed.value } : parsed;
}
