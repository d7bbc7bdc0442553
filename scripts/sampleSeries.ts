/**
 * The fictional weekly series behind the bundled sample exports, calibrated to the public
 * figures in shared/domain.md (yearly totals, the letter's phase averages, Dublin transfers
 * since 1 July 2020). Deterministic: one seed, no clock.
 */
import { formatIsoWeek, isoWeeksInYear, type IsoWeek } from '../src/domain/isoWeek';
import type { MetricId } from '../src/domain/catalogue';

export const FIRST_YEAR = 2019;
export const LAST_YEAR = 2021;

export type SampleSeries = Record<MetricId, number[]>;

export function sampleWeeks(): IsoWeek[] {
  const weeks: IsoWeek[] = [];
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    for (let week = 1; week <= isoWeeksInYear(year); week++) weeks.push({ year, week });
  }
  return weeks;
}

/** mulberry32: small, seedable, good enough for noise. */
export function randomSource(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Linear interpolation through [week index, value] points. */
function profile(points: [number, number][], index: number): number {
  if (index <= points[0][0]) return points[0][1];
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i];
    const [x0, y0] = points[i - 1];
    if (index <= x1) return y0 + ((y1 - y0) * (index - x0)) / (x1 - x0);
  }
  return points[points.length - 1][1];
}

/** Fewer applications and departures around Christmas and in the summer holidays. */
function season(week: IsoWeek): number {
  if (week.week >= 52 || week.week === 1) return 0.75;
  if (week.week >= 29 && week.week <= 33) return 0.92;
  return 1;
}

/** Per-year base profiles over the ISO week number (1-53). */
const BASE: Record<'asylum_first' | 'nareis_applications' | 'hearings_total' | 'departures_total' | 'dublin_transfers', Record<number, [number, number][]>> = {
  asylum_first: {
    2019: [[1, 400], [18, 385], [40, 480], [52, 450]],
    2020: [[1, 450], [9, 370], [11, 300], [12, 70], [17, 60], [18, 100], [26, 160], [27, 270], [53, 300]],
    2021: [[1, 290], [13, 390], [26, 560], [37, 900], [40, 720], [52, 560]],
  },
  nareis_applications: {
    2019: [[1, 115], [52, 120]],
    2020: [[1, 125], [11, 125], [12, 70], [25, 60], [26, 180], [30, 250], [53, 260]],
    2021: [[1, 250], [52, 285]],
  },
  hearings_total: {
    2019: [[1, 660], [52, 690]],
    2020: [[1, 690], [11, 680], [12, 20], [17, 15], [18, 140], [26, 560], [27, 665], [37, 690], [53, 700]],
    2021: [[1, 700], [52, 720]],
  },
  departures_total: {
    2019: [[1, 139], [52, 139]],
    2020: [[1, 141], [11, 141], [12, 40], [17, 40], [18, 20], [26, 20], [27, 80], [37, 80], [38, 85], [53, 90]],
    2021: [[1, 70], [52, 74]],
  },
  dublin_transfers: {
    2019: [[1, 46], [52, 46]],
    2020: [[1, 48], [11, 48], [12, 8], [13, 0], [26, 0], [27, 25.5], [37, 25.5], [38, 50], [53, 54]],
    2021: [[1, 22], [52, 22]],
  },
};

/** Published yearly totals the noisy series are scaled to (shared/domain.md). */
const YEAR_TOTALS: Partial<Record<keyof typeof BASE | 'nareis_arrivals', Record<number, number>>> = {
  asylum_first: { 2019: 22533, 2020: 13673, 2021: 24686 },
  nareis_applications: { 2019: 6130, 2020: 9300, 2021: 13980 },
  nareis_arrivals: { 2019: 4179, 2020: 3863, 2021: 10120 },
};

export function generateSeries(seed = 20200316): SampleSeries {
  const random = randomSource(seed);
  const weeks = sampleWeeks();
  const noise = (spread: number) => 1 + (random() + random() + random() - 1.5) * spread * 0.8;
  const base = (key: keyof typeof BASE, w: IsoWeek) => profile(BASE[key][w.year], w.week);
  const covidShutdown = (w: IsoWeek) => w.year === 2020 && w.week >= 12 && w.week <= 26;

  const series = {} as SampleSeries;
  const draw = (key: keyof typeof BASE, spread: number, seasonal: boolean) =>
    weeks.map((w) => Math.max(0, base(key, w) * (seasonal && !covidShutdown(w) ? season(w) : 1) * noise(spread)));

  series.asylum_first = scaleToYearTotals(weeks, draw('asylum_first', 0.12, true), YEAR_TOTALS.asylum_first!);
  series.asylum_followup = series.asylum_first.map((v) => Math.round(v * 0.11 * noise(0.25)));
  series.nareis_applications = scaleToYearTotals(weeks, draw('nareis_applications', 0.15, true), YEAR_TOTALS.nareis_applications!);

  // Hearings: all in person until video hearings started on 1 May 2020 (2020-W18).
  const hearings = draw('hearings_total', 0.06, true).map(Math.round);
  const videoShare = (w: IsoWeek) => (w.year === 2019 || (w.year === 2020 && w.week < 18) ? 0 : profile(VIDEO_SHARE[w.year], w.week));
  series.hearings_tele = weeks.map((w, i) => Math.round(hearings[i] * videoShare(w)));
  series.hearings_physical = weeks.map((_, i) => hearings[i] - series.hearings_tele[i]);

  series.departures_total = draw('departures_total', 0.1, false).map(Math.round);
  series.departures_forced = weeks.map((w, i) => Math.round(series.departures_total[i] * (w.year === 2021 ? 0.44 : 0.385) * noise(0.1)));

  series.dublin_transfers = draw('dublin_transfers', 0.12, false).map(Math.round);
  series.dublin_transfers_forced = weeks.map((w, i) => Math.round(series.dublin_transfers[i] * (w.year === 2019 ? 0.45 : 0.5) * noise(0.1)));

  // Nareis decisions kept pace until interviews and DNA tests abroad stopped (2020-W12);
  // video interviews with UNHCR from May 2021 (2021-W20) bring the backlog down.
  series.nareis_decisions = weeks.map((w, i) => Math.round(series.nareis_applications[i] * decisionRatio(w) * noise(0.1)));
  let open = 2400;
  series.nareis_open = weeks.map((w, i) => {
    open += series.nareis_applications[i] - series.nareis_decisions[i] + (STOCK_CORRECTIONS[formatIsoWeek(w)] ?? 0);
    return open;
  });

  // Family members arrive some weeks after a positive decision, once they can travel: travel all
  // but stopped from March 2020 (shared/domain.md's monthly arrivals).
  const travelled = weeks.map((w, i) => (series.nareis_decisions[Math.max(0, i - ARRIVAL_DELAY_WEEKS)] ?? 0) * travel(w) * noise(0.15));
  series.nareis_arrivals = scaleToYearTotals(weeks, travelled, YEAR_TOTALS.nareis_arrivals!);
  return series;
}

/** Weeks from a positive nareis decision to the family's arrival (visa, travel). */
export const ARRIVAL_DELAY_WEEKS = 10;

/** How much of the delayed arrivals could travel: 1 is normal. */
function travel(w: IsoWeek): number {
  if (w.year !== 2020) return 1;
  return profile([[1, 1.7], [9, 1.7], [10, 0.9], [11, 0.25], [13, 0.25], [14, 0.5], [17, 0.5], [18, 0.16], [22, 0.16], [23, 0.55], [26, 0.55], [27, 1.3], [35, 1.5], [53, 1.5]], w.week);
}

const VIDEO_SHARE: Record<number, [number, number][]> = {
  2020: [[18, 0.2], [26, 0.38], [27, 0.37], [37, 0.37], [53, 0.3]],
  2021: [[1, 0.28], [52, 0.18]],
};

function decisionRatio(w: IsoWeek): number {
  if (w.year === 2019 || (w.year === 2020 && w.week < 12)) return 1;
  if (w.year === 2020) return w.week <= 25 ? 0.45 : 0.62;
  return w.week < 20 ? 0.75 : profile([[20, 0.9], [30, 1.25], [52, 1.3]], w.week);
}

/** Administrative corrections: the reported stock is not always last week's plus the flows. */
export const STOCK_CORRECTIONS: Record<string, number> = { '2020-W40': -35, '2021-W10': 18 };

function scaleToYearTotals(weeks: IsoWeek[], values: number[], totals: Record<number, number>): number[] {
  const sums = new Map<number, number>();
  weeks.forEach((w, i) => sums.set(w.year, (sums.get(w.year) ?? 0) + values[i]));
  return values.map((v, i) => Math.round((v * totals[weeks[i].year]) / sums.get(weeks[i].year)!));
}
