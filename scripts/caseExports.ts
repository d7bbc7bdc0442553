/**
 * Fictional case-level exports (one line per application), seeded: the small one bundled with
 * the sample, drawn from the sample's nareis series for one fictional region, and a large one
 * of any size (a million rows, about 60 MB) for the benchmark and the browser tests.
 */
import { addDays, format } from 'date-fns';
import { isoWeekMonday } from '../src/domain/isoWeek';
import { generateSeries, randomSource, sampleWeeks, type SampleSeries } from './sampleSeries';

const NATIONALITIES: [string, number][] = [
  ['Syrië', 0.42],
  ['Eritrea', 0.28],
  ['Jemen', 0.08],
  ['Somalië', 0.07],
  ['Turkije', 0.07],
  ['Afghanistan', 0.05],
  ['Irak', 0.03],
];

function pick(random: () => number, weighted: [string, number][]): string {
  let r = random();
  for (const [value, weight] of weighted) if ((r -= weight) < 0) return value;
  return weighted[weighted.length - 1][0];
}

const dutchDate = (date: Date) => format(date, 'dd-MM-yyyy');
const localDate = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d);
};

interface Case {
  id: string;
  received: Date;
  decided: Date | null;
  hearing: string;
  nationality: string;
  outcome: string;
}

/**
 * One region's nareis cases: a tenth of the sample's weekly applications and decisions, decided
 * mostly oldest first, with an opening backlog. Hearings by video from May 2020 on.
 */
export function regionCases(series: SampleSeries = generateSeries()): Case[] {
  const random = randomSource(20200316);
  const weeks = sampleWeeks();
  const cases: Case[] = [];
  const open: Case[] = [];
  let next = 1;
  const newCase = (received: Date): Case => {
    const video = received >= new Date(2020, 4, 1) && random() < 0.6;
    const c: Case = { id: `NR-${String(next++).padStart(6, '0')}`, received, decided: null, hearing: video ? 'video' : 'fysiek', nationality: pick(random, NATIONALITIES), outcome: '' };
    cases.push(c);
    open.push(c);
    return c;
  };
  // The backlog the region starts with: received in the last months of 2018.
  const start = localDate(isoWeekMonday(weeks[0]));
  for (let i = 0; i < Math.round(series.nareis_open[0] / 10); i++) newCase(addDays(start, -1 - Math.floor(random() * 120)));
  open.sort((a, b) => a.received.getTime() - b.received.getTime());

  weeks.forEach((week, i) => {
    const monday = localDate(isoWeekMonday(week));
    for (let n = 0; n < Math.round(series.nareis_applications[i] / 10); n++) newCase(addDays(monday, Math.floor(random() * 7)));
    for (let n = 0; n < Math.round(series.nareis_decisions[i] / 10) && open.length > 0; n++) {
      // Mostly the oldest first: one of the five oldest still open.
      const at = Math.min(open.length - 1, Math.floor(random() * 5));
      const day = addDays(monday, Math.floor(random() * 7));
      if (open[at].received > day) continue;
      const [c] = open.splice(at, 1);
      c.decided = day;
      c.outcome = random() < 0.72 ? 'inwilliging' : 'afwijzing';
    }
  });
  return cases;
}

/** The bundled case-level sample, with two lines that must be rejected (a decision before receipt, an id twice). */
export function regionCaseExport(series?: SampleSeries): string {
  const cases = regionCases(series);
  const lines = cases.map((c) => [c.id, dutchDate(c.received), c.decided ? dutchDate(c.decided) : '', c.hearing, c.nationality, c.outcome].join(';'));
  lines.splice(120, 0, `NR-900001;${dutchDate(new Date(2019, 5, 3))};${dutchDate(new Date(2019, 4, 28))};fysiek;Syrië;afwijzing`);
  lines.splice(240, 0, lines[10]);
  return ['Zaaknummer;Datum ontvangst;Datum besluit;Soort gehoor;Nationaliteit;Uitkomst', ...lines].join('\r\n') + '\r\n';
}

/**
 * A large fictional case export: `rows` cases received from 2019 to 2021, about a fifth still
 * open at the export date, ISO dates. About 60 bytes a row.
 */
export function largeCaseExport(rows: number, seed = 1_000_000): string {
  const random = randomSource(seed);
  const first = Date.UTC(2019, 0, 1);
  const days = 3 * 365;
  const exportDay = first + days * 86_400_000;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const lines = new Array<string>(rows + 1);
  lines[0] = 'case_id,received,decided,hearing,nationality,outcome';
  for (let i = 1; i <= rows; i++) {
    const received = first + Math.floor(random() * days) * 86_400_000;
    // Waits of about 20 weeks on average, longer in 2020.
    const wait = Math.floor(-Math.log(1 - random()) * (received < Date.UTC(2020, 2, 16) ? 100 : 160)) * 86_400_000;
    const decided = received + wait <= exportDay ? iso(received + wait) : '';
    lines[i] = `C${String(i).padStart(8, '0')},${iso(received)},${decided},${random() < 0.4 ? 'video' : 'in person'},${pick(random, NATIONALITIES)},${decided ? (random() < 0.7 ? 'granted' : 'refused') : ''}`;
  }
  return lines.join('\n') + '\n';
}
