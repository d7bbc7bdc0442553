/**
 * Writes the fictional series as the messy exports real users drop in: each source in its
 * own shape (Dutch headers, BOM, Windows-1252, year/week columns, Monday dates, long layout,
 * title lines and total rows), and an older preliminary export that the newer one revises.
 */
import { formatIsoWeek, isoWeekMonday, type IsoWeek } from '../src/domain/isoWeek';
import { regionCaseExport } from './caseExports';
import { generateSeries, randomSource, sampleWeeks, type SampleSeries } from './sampleSeries';

export interface SampleFile {
  name: string;
  bytes: Uint8Array;
  description: string;
}

/** The preliminary export's last weeks, later revised: late registrations were added. */
const PRELIMINARY_WEEKS = 6;

export function sampleExports(series: SampleSeries = generateSeries()): SampleFile[] {
  const weeks = sampleWeeks();
  const row = (w: IsoWeek) => weeks.findIndex((x) => x.year === w.year && x.week === w.week);
  const upTo = (last: IsoWeek) => weeks.slice(0, row(last) + 1);
  const at = (metric: keyof SampleSeries, w: IsoWeek) => series[metric][row(w)];
  const random = randomSource(14092020);

  const asielHeader = ['Week', 'Eerste asielaanvragen', 'Opvolgende aanvragen', 'Ingereisde nareizigers', 'Nareisaanvragen', 'Nareisbesluiten', 'Openstaande nareisaanvragen'];
  const preliminaryFrom = row({ year: 2020, week: 37 }) - PRELIMINARY_WEEKS + 1;
  const preliminary = (metric: keyof SampleSeries, w: IsoWeek) =>
    row(w) >= preliminaryFrom && metric !== 'nareis_open' ? Math.round(at(metric, w) * (0.9 + random() * 0.06)) : at(metric, w);
  const asielMetrics = ['asylum_first', 'asylum_followup', 'nareis_arrivals', 'nareis_applications', 'nareis_decisions', 'nareis_open'] as const;
  const flowTotals = (source: (m: keyof SampleSeries, w: IsoWeek) => number, range: IsoWeek[]) =>
    asielMetrics.map((m) => (m === 'nareis_open' ? '' : dutch(range.reduce((sum, w) => sum + source(m, w), 0))));

  const early = upTo({ year: 2020, week: 37 });
  const indEarly = [
    ['IND weekcijfers asiel en nareis, voorlopig'],
    asielHeader,
    ...early.map((w) => [formatIsoWeek(w), ...asielMetrics.map((m) => dutch(preliminary(m, w)))]),
    [],
    ['Totaal', ...flowTotals(preliminary, early)],
  ];

  const notes: Record<string, string> = {
    '2020-W12': 'procedure opgeschort per 16 maart',
    '2020-W18': 'hervatting 28 april; eerste telehoren',
    '2021-W20': 'start video-interviews nareis met UNHCR',
    '2021-W37': 'hoogste instroom in één maand sinds 2015',
  };
  const indLate = [
    ['IND – weekcijfers asiel en nareis'],
    [...asielHeader.slice(0, 3), 'Nareizigers ingereisd', 'Nareis aanvragen', 'Nareis besluiten', 'Nareis openstaand', 'Opmerking'],
    ...weeks.map((w) => [formatIsoWeek(w), ...asielMetrics.map((m) => dutch(at(m, w))), notes[formatIsoWeek(w)] ?? '']),
    ['Totaal', ...flowTotals(at, weeks), ''],
  ];

  const gehoren = [
    ['Jaar', 'Week', 'Gehoren fysiek', 'Telehoren'],
    ...weeks.map((w) => [String(w.year), String(w.week), String(at('hearings_physical', w)), String(at('hearings_tele', w))]),
  ];

  const vertrek = [
    ['Week (maandag)', 'Aantoonbaar vertrek', 'Waarvan gedwongen'],
    ...weeks.map((w) => [dayFirst(isoWeekMonday(w)), String(at('departures_total', w)), String(at('departures_forced', w))]),
    ['Bron: DT&V, fictieve voorbeelddata'],
  ];

  const dublin = [
    ['Periode', 'Reeks', 'Aantal'],
    ...weeks.flatMap((w) => [
      [`${w.year} week ${w.week}`, 'Dublinoverdrachten', String(at('dublin_transfers', w))],
      [`${w.year} week ${w.week}`, 'Dublinoverdrachten, waarvan gedwongen', String(at('dublin_transfers_forced', w))],
    ]),
  ];

  return [
    { name: 'IND_asiel_nareis_2020-09-14.csv', bytes: utf8WithBom(csv(indEarly, ';')), description: 'IND, voorlopige export t/m 2020-W37 (UTF-8 met BOM)' },
    { name: 'IND_asiel_nareis_2022-01-10.csv', bytes: windows1252(csv(indLate, ';')), description: 'IND, definitieve export t/m 2021-W52 (Windows-1252)' },
    { name: 'IND_gehoren_2022-01-10.csv', bytes: utf8(csv(gehoren, ',')), description: 'IND gehoren, jaar- en weekkolom' },
    { name: 'DTV_vertrek_2022-01-07.csv', bytes: utf8(csv(vertrek, ';')), description: 'DT&V vertrek, maandag als datum' },
    { name: 'Dublin_overdrachten_2022-01-07.csv', bytes: utf8(csv(dublin, ',')), description: 'Dublinoverdrachten, lang formaat' },
    { name: 'IND_nareis_zaken_regio_zuid_2022-01-10.csv', bytes: utf8(regionCaseExport(series)), description: 'IND nareiszaken van één regio, één regel per aanvraag' },
  ];
}

function dutch(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

function dayFirst(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}-${m}-${y}`;
}

function csv(rows: string[][], delimiter: string): string {
  const quote = (cell: string) => (/["\r\n]/.test(cell) || cell.includes(delimiter) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return rows.map((r) => r.map(quote).join(delimiter)).join('\r\n') + '\r\n';
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function utf8WithBom(text: string): Uint8Array {
  return new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
}

const CP1252: Record<string, number> = { '–': 0x96, '€': 0x80, '‘': 0x91, '’': 0x92 };

function windows1252(text: string): Uint8Array {
  return Uint8Array.from([...text].map((c) => {
    const code = CP1252[c] ?? c.charCodeAt(0);
    if (code > 0xff) throw new Error(`not in Windows-1252: ${c}`);
    return code;
  }));
}
