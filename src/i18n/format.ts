/** Numbers, weeks and dates as a Dutch (or English) reader expects them: 27.000; 12,5; week 27 2020. */
import { format } from 'date-fns';
import { enGB, nl } from 'date-fns/locale';
import type { Lang } from './language';

const numberFormats = new Map<string, Intl.NumberFormat>();

/** At most one decimal unless asked for more (exact figures beside rounded ones show two). */
export function formatNumber(value: number, lang: Lang, maximumFractionDigits = 1): string {
  const key = `${lang}${maximumFractionDigits}`;
  let formatter = numberFormats.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits });
    numberFormats.set(key, formatter);
  }
  return formatter.format(value);
}

/** "2020-W27" as "week 27 2020". */
export function weekLabel(isoWeek: string, lang: Lang): string {
  const [year, week] = isoWeek.split('-W');
  return lang === 'nl' ? `week ${Number(week)} ${year}` : `week ${Number(week)}, ${year}`;
}

/** Two ISO weeks as a compact span: "week 12–17 2020", or "week 50 2020 – 2 2021" across a year. */
export function weeksLabel({ from, to }: { from: string; to: string }, lang: Lang): string {
  const [fy, fw] = from.split('-W');
  const [ty, tw] = to.split('-W');
  const word = lang === 'nl' ? 'week' : 'weeks';
  return fy === ty ? `${word} ${Number(fw)}–${Number(tw)} ${fy}` : `${word} ${Number(fw)} ${fy} – ${Number(tw)} ${ty}`;
}

/** "2020-W27" as "wk 27 '20", for axis ticks. */
export function shortWeekLabel(isoWeek: string): string {
  const [year, week] = isoWeek.split('-W');
  return `wk ${Number(week)} '${year.slice(2)}`;
}

/** The Monday-to-Sunday span of a week starting on `monday` ("YYYY-MM-DD"): "29 jun – 5 jul". */
export function weekSpan(monday: string, lang: Lang): string {
  const [y, m, d] = monday.split('-').map(Number);
  const start = new Date(y, m - 1, d);
  const end = new Date(y, m - 1, d + 6);
  const locale = lang === 'nl' ? nl : enGB;
  return `${format(start, 'd MMM', { locale })} – ${format(end, 'd MMM yyyy', { locale })}`;
}

/** A calendar day "YYYY-MM-DD" written out: "14-09-2020" (nl) or "14 Sep 2020" (en). */
export function formatDay(day: string, lang: Lang): string {
  const [y, m, d] = day.split('-').map(Number);
  return lang === 'nl' ? `${String(d).padStart(2, '0')}-${String(m).padStart(2, '0')}-${y}` : format(new Date(y, m - 1, d), 'd MMM yyyy', { locale: enGB });
}

/** A calendar day in running text: "1 juli 2020" (nl) or "1 July 2020" (en). */
export function formatLongDay(day: string, lang: Lang): string {
  const [y, m, d] = day.split('-').map(Number);
  return format(new Date(y, m - 1, d), 'd MMMM yyyy', { locale: lang === 'nl' ? nl : enGB });
}

/**
 * A file name as text that cannot deceive: control and direction characters (a right-to-left
 * override turns "gpj.exe" around) are shown as their code, e.g. "⟨U+202E⟩".
 */
export function visibleName(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`);
}

/** The week a running total starts in and its Monday, "week 27 2020, maandag 29 juni": weekly data starts on a Monday. */
export function weekStartLabel(week: string, monday: string, lang: Lang): string {
  const [y, m, d] = monday.split('-').map(Number);
  const day = format(new Date(y, m - 1, d), lang === 'nl' ? "'maandag' d MMMM" : "'Monday' d MMMM", { locale: lang === 'nl' ? nl : enGB });
  return `${weekLabel(week, lang)}, ${day}`;
}

/** "2020-03" as "maart 2020", "2020-Q1" as "1e kwartaal 2020" (nl) or "Q1 2020" (en), "2020" as itself. */
export function periodLabel(period: string, lang: Lang): string {
  let m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return format(new Date(Number(m[1]), Number(m[2]) - 1, 1), 'MMMM yyyy', { locale: lang === 'nl' ? nl : enGB });
  m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (m) return lang === 'nl' ? `${m[2]}e kwartaal ${m[1]}` : `Q${m[2]} ${m[1]}`;
  return period;
}

/** "2020-03" as "mrt '20": short, for axis ticks. */
export function shortPeriodLabel(period: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return format(new Date(Number(m[1]), Number(m[2]) - 1, 1), "MMM ''yy", { locale: lang === 'nl' ? nl : enGB });
  // "K1 '20" (kwartaal) in Dutch, as the full label says "1e kwartaal 2020"; "Q1 '20" in English.
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  return q ? `${lang === 'nl' ? 'K' : 'Q'}${q[2]} '${q[1].slice(2)}` : period;
}

/**
 * An inclusive range of periods in running text: "maart tot en met mei 2020", "december 2019 tot
 * en met februari 2020", "maart 2020" for one month; English "March to May 2020".
 */
export function periodRangeLabel(from: string, to: string, lang: Lang): string {
  if (from === to) return periodLabel(from, lang);
  const joiner = lang === 'nl' ? 'tot en met' : 'to';
  const fm = /^(\d{4})-(\d{2})$/.exec(from);
  const tm = /^(\d{4})-(\d{2})$/.exec(to);
  if (fm && tm && fm[1] === tm[1]) {
    const month = format(new Date(Number(fm[1]), Number(fm[2]) - 1, 1), 'MMMM', { locale: lang === 'nl' ? nl : enGB });
    return `${month} ${joiner} ${periodLabel(to, lang)}`;
  }
  return `${periodLabel(from, lang)} ${joiner} ${periodLabel(to, lang)}`;
}
