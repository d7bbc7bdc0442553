/**
 * Time-axis ticks at regular, meaningful intervals, chosen from the number of weeks shown, so
 * every chart of a view (which shows the same weeks) ticks alike: week numbers on a short range
 * (every 2 or 4 weeks), quarters (weeks 1, 14, 27 and 40) up to two years, years beyond.
 */
import type { Lang } from '../i18n/language';

export interface TimeTicks {
  ticks: string[];
  format: (week: string) => string;
}

const QUARTER_WEEKS = [1, 14, 27, 40];

export function timeTicks(weeks: readonly string[], lang: Lang): TimeTicks {
  const parts = weeks.map((w) => {
    const [year, week] = w.split('-W');
    return { w, year: Number(year), week: Number(week) };
  });
  if (weeks.length <= 30) {
    const every = weeks.length <= 12 ? 1 : weeks.length <= 20 ? 2 : 4;
    return {
      ticks: parts.filter((p) => (p.week - 1) % every === 0).map((p) => p.w),
      format: (w) => {
        const [year, week] = w.split('-W');
        return `${lang === 'nl' ? 'wk' : 'wk'} ${Number(week)} '${year.slice(2)}`;
      },
    };
  }
  if (weeks.length <= 110) {
    return {
      ticks: parts.filter((p) => QUARTER_WEEKS.includes(p.week)).map((p) => p.w),
      format: (w) => {
        const [year, week] = w.split('-W');
        return `${lang === 'nl' ? 'K' : 'Q'}${QUARTER_WEEKS.indexOf(Number(week)) + 1} ${year}`;
      },
    };
  }
  return { ticks: parts.filter((p) => p.week === 1).map((p) => p.w), format: (w) => w.slice(0, 4) };
}
