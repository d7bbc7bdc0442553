/** Plain-language explanations of why a line was rejected or skipped, or a file could not be read. */
import type { FileProblem, FileWarning, RejectReason, SkipReason, ValueProblem } from '../domain/reasons';
import { formatDay, formatNumber, periodLabel, weekLabel } from './format';
import { metricDefinition } from '../domain/catalogue';
import type { Lang } from './language';

type Texts = { nl: string; en: string };
const pick = (lang: Lang, texts: Texts) => texts[lang];

const VALUE_PROBLEMS: Record<ValueProblem, Texts> = {
  negative: { nl: 'is negatief; een aantal kan niet negatief zijn', en: 'is negative; a count cannot be negative' },
  decimal: { nl: 'heeft decimalen; een aantal is een heel getal', en: 'has decimals; a count is a whole number' },
  ambiguous_comma: {
    nl: 'is dubbelzinnig: decimaalkomma of Engels duizendtal? Schrijf 1234 of 1.234',
    en: 'is ambiguous: decimal comma or English thousands? Write 1234 or 1.234',
  },
  not_a_number: { nl: 'is geen getal', en: 'is not a number' },
  formula_without_value: {
    nl: 'is een formule zonder berekende waarde in de werkmap; open en bewaar de werkmap in Excel om hem te laten berekenen',
    en: 'is a formula with no calculated value in the workbook; open and save the workbook in Excel to have it calculated',
  },
  week_after_export: { nl: 'valt in een week na de exportdatum', en: 'falls in a week after the export date' },
  period_after_export: { nl: 'valt in een periode na de exportdatum', en: 'falls in a period after the export date' },
};

/** A week ("2020-W12") as "week 12 2020"; a month, quarter or year as the app writes it ("2020-03"). */
function periodOrWeek(label: string, lang: Lang): string {
  return label.includes('-W') ? weekLabel(label, lang) : label;
}

/** Where a row is: "regel 12" in a CSV file, "Blad1, rij 12" in a workbook. */
export function rowPlace(line: number, sheet: string | null | undefined, lang: Lang): string {
  if (sheet == null) return pick(lang, { nl: `regel ${line}`, en: `line ${line}` });
  return pick(lang, { nl: `${sheet}, rij ${line}`, en: `${sheet}, row ${line}` });
}

export function describeReject(reason: RejectReason, lang: Lang): string {
  switch (reason.code) {
    case 'week_missing':
      return pick(lang, { nl: 'Geen week ingevuld.', en: 'No week given.' });
    case 'week_invalid':
      switch (reason.problem) {
        case 'week_53_missing':
          return pick(lang, {
            nl: `“${reason.text}”: ${reason.year} heeft geen week 53 (het jaar telt 52 ISO-weken).`,
            en: `“${reason.text}”: ${reason.year} has no week 53 (the year has 52 ISO weeks).`,
          });
        case 'week_out_of_range':
          return pick(lang, { nl: `“${reason.text}”: deze week bestaat niet.`, en: `“${reason.text}”: this week does not exist.` });
        case 'invalid_date':
          return pick(lang, {
            nl: `“${reason.text}” is geen geldige datum (verwacht dag-maand-jaar of jaar-maand-dag).`,
            en: `“${reason.text}” is not a valid date (expected day-month-year or year-month-day).`,
          });
        default:
          return pick(lang, {
            nl: `“${reason.text}” is geen week (verwacht bijvoorbeeld 2020-W27, 2020 week 27 of 29-06-2020).`,
            en: `“${reason.text}” is not a week (expected e.g. 2020-W27, 2020 week 27 or 29-06-2020).`,
          });
      }
    case 'week_after_export':
      return pick(lang, {
        nl: `${weekLabel(reason.week, lang)} begint na de exportdatum ${formatDay(reason.exportDate, lang)}.`,
        en: `${weekLabel(reason.week, lang)} starts after the export date ${formatDay(reason.exportDate, lang)}.`,
      });
    case 'period_after_export':
      return pick(lang, {
        nl: `${periodLabel(reason.period, lang)} begint na de exportdatum ${formatDay(reason.exportDate, lang)}.`,
        en: `${periodLabel(reason.period, lang)} starts after the export date ${formatDay(reason.exportDate, lang)}.`,
      });
    case 'year_missing':
      return pick(lang, {
        nl: `Week ${reason.week} zonder jaar, en het jaar van de regels erboven kan niet doorlopen (het weeknummer gaat terug). Vul het jaar in.`,
        en: `Week ${reason.week} without a year, and the year of the rows above cannot carry on (the week number goes back). Fill in the year.`,
      });
    case 'values_invalid':
      return reason.cells.map((c) => `${c.column}: “${c.text}” ${pick(lang, VALUE_PROBLEMS[c.problem])}.`).join(' ');
    case 'metric_missing':
      return pick(lang, { nl: 'Geen reeks ingevuld.', en: 'No series given.' });
    case 'too_many_fields':
      return pick(lang, {
        nl: `${reason.found} velden, terwijl de kopregel er ${reason.expected} heeft.`,
        en: `${reason.found} fields, while the header has ${reason.expected}.`,
      });
    case 'too_few_fields':
      return pick(lang, {
        nl: `Maar ${reason.found} velden, terwijl de kopregel er ${reason.expected} heeft.`,
        en: `Only ${reason.found} fields, while the header has ${reason.expected}.`,
      });
    case 'unterminated_quote':
      return pick(lang, {
        nl: `Een aanhalingsteken op regel ${reason.fromLine} wordt nooit gesloten.`,
        en: `A quote on line ${reason.fromLine} is never closed.`,
      });
    case 'duplicate_conflict':
      return pick(lang, {
        nl: `${periodOrWeek(reason.week, lang)}${reason.metric ? ` (${reason.metric})` : ''} staat al op ${rowPlace(reason.firstLine, reason.firstSheet, lang)}, met een andere waarde.`,
        en: `${periodOrWeek(reason.week, lang)}${reason.metric ? ` (${reason.metric})` : ''} is already on ${rowPlace(reason.firstLine, reason.firstSheet, lang)}, with another value.`,
      });
    case 'dimension_missing':
      return pick(lang, { nl: `Geen waarde in de kolom “${reason.column}”: onbekend bij welke reeks de cijfers horen.`, en: `No value in the column “${reason.column}”: unknown which series the figures belong to.` });
    case 'file_unusable':
      return pick(lang, { nl: 'Het bestand als geheel is niet te lezen (zie boven).', en: 'The file as a whole cannot be read (see above).' });
    case 'case_date_invalid':
      return pick(lang, {
        nl: `${reason.column}: “${reason.text}” is geen datum (dit bestand schrijft ${reason.order === 'day_first' ? 'de dag' : 'de maand'} eerst).`,
        en: `${reason.column}: “${reason.text}” is not a date (this file writes the ${reason.order === 'day_first' ? 'day' : 'month'} first).`,
      });
    case 'date_likely_typo':
      return pick(lang, {
        nl: `${reason.column}: “${reason.text}” ligt ver buiten de jaren van dit bestand (${reason.from}-${reason.to}); waarschijnlijk een tikfout. Niet geladen.`,
        en: `${reason.column}: “${reason.text}” is far outside this file's years (${reason.from}-${reason.to}); likely a typo. Not loaded.`,
      });
    case 'case_id_missing':
      return pick(lang, { nl: 'Geen zaak-id ingevuld.', en: 'No case id given.' });
    case 'case_received_missing':
      return pick(lang, { nl: 'Geen ontvangstdatum ingevuld.', en: 'No received date given.' });
    case 'case_decided_before_received':
      return pick(lang, {
        nl: `Besluit op ${formatDay(reason.decided, lang)}, vóór de ontvangst op ${formatDay(reason.received, lang)}.`,
        en: `Decided on ${formatDay(reason.decided, lang)}, before it was received on ${formatDay(reason.received, lang)}.`,
      });
    case 'case_duplicate_id':
      return pick(lang, { nl: `Zaak “${reason.id}” staat al op regel ${reason.firstLine}.`, en: `Case “${reason.id}” is already on line ${reason.firstLine}.` });
    case 'case_date_after_export':
      return pick(lang, {
        nl: `${reason.column}: ${formatDay(reason.date, lang)} ligt na de exportdatum ${formatDay(reason.exportDate, lang)}.`,
        en: `${reason.column}: ${formatDay(reason.date, lang)} is after the export date ${formatDay(reason.exportDate, lang)}.`,
      });
  }
}

export function describeSkip(reason: SkipReason, lang: Lang): string {
  switch (reason.code) {
    case 'blank_line':
      return pick(lang, { nl: 'Lege regel.', en: 'Blank line.' });
    case 'before_header':
      return pick(lang, { nl: 'Titel of toelichting vóór de kopregel.', en: 'Title or note before the header.' });
    case 'total_row':
      return pick(lang, { nl: 'Totaalregel: wordt zelf berekend.', en: 'Total row: computed, not loaded.' });
    case 'note_line':
      return pick(lang, { nl: 'Toelichting zonder cijfers.', en: 'Note without figures.' });
    case 'no_values':
      return pick(lang, { nl: `${weekLabel(reason.week, lang)}: geen cijfers ingevuld.`, en: `${weekLabel(reason.week, lang)}: no figures given.` });
    case 'no_values_period':
      return pick(lang, { nl: `${periodLabel(reason.period, lang)}: geen cijfers ingevuld.`, en: `${periodLabel(reason.period, lang)}: no figures given.` });
    case 'period_to_come':
      return pick(lang, {
        nl: `${periodLabel(reason.period, lang)} begint na de exportdatum ${formatDay(reason.exportDate, lang)}: nog geen cijfers.`,
        en: `${periodLabel(reason.period, lang)} starts after the export date ${formatDay(reason.exportDate, lang)}: no figures yet.`,
      });
    case 'other_country':
      return pick(lang, {
        nl: `Cijfers van ${reason.country}, niet van ${reason.chosen}: overgeslagen (kies een ander land bij het bestand).`,
        en: `Figures of ${reason.country}, not of ${reason.chosen}: skipped (choose another country at the file).`,
      });
    case 'duplicate_identical':
      return pick(lang, { nl: `Herhaling van ${rowPlace(reason.firstLine, reason.firstSheet, lang)}, met dezelfde waarden.`, en: `Repeats ${rowPlace(reason.firstLine, reason.firstSheet, lang)}, with the same values.` });
    case 'sheet_not_read':
      return pick(lang, { nl: 'Blad zonder tabel met weekcijfers (zie het blad hierboven).', en: 'Sheet without a table of weekly figures (see the sheet above).' });
    case 'period_range':
      return pick(lang, { nl: `${reason.period}: een cijfer over meerdere perioden samen (een som of een gemiddelde), geen cijfer van één week, maand, kwartaal of jaar.`, en: `${reason.period}: a figure over several periods together (a sum or an average), not a figure of one week, month, quarter or year.` });
    case 'period_unclear':
      return pick(lang, { nl: `${reason.period}: noemt geen precieze week, maand, kwartaal of jaar.`, en: `${reason.period}: names no exact week, month, quarter or year.` });
    case 'not_a_count':
      return pick(lang, { nl: `Geen aantal maar een ${reason.unit}: niet getoond tussen de aantallen.`, en: `Not a number of people or cases but a ${reason.unit}: not shown among the counts.` });
  }
}

/** Why a workbook sheet holds no table that is read. */
export function describeSheetProblem(problem: FileProblem, lang: Lang): string {
  if (problem.code === 'empty_file') return pick(lang, { nl: 'Leeg blad (of alleen een grafiek of afbeelding).', en: 'Empty sheet (or only a chart or picture).' });
  return describeProblem(problem, lang);
}

export function describeProblem(problem: FileProblem, lang: Lang): string {
  switch (problem.code) {
    case 'binary_file':
      return pick(lang, { nl: 'Dit is geen tekstbestand (CSV) en geen werkmap (xlsx, xlsm, ods). Is het een afbeelding of een ander document?', en: 'This is neither a text (CSV) file nor a workbook (xlsx, xlsm, ods). Is it an image or another document?' });
    case 'workbook_encrypted':
      return pick(lang, {
        nl: 'De werkmap is met een wachtwoord beveiligd en dus versleuteld. Sla hem in Excel op zonder wachtwoord (Bestand › Info › Werkmap beveiligen) en laad hem opnieuw.',
        en: 'The workbook is password-protected, and so encrypted. Save it in Excel without a password (File › Info › Protect Workbook) and load it again.',
      });
    case 'workbook_unreadable':
      return pick(lang, {
        nl: `De werkmap is beschadigd of geen werkmap en kon niet worden gelezen (${problem.message}). Niets geladen.`,
        en: `The workbook is damaged or not a workbook and could not be read (${problem.message}). Nothing loaded.`,
      });
    case 'workbook_too_large_unpacked':
      return pick(lang, {
        nl: `Uitgepakt zou de werkmap ${megabytes(problem.bytes, lang)} zijn; een werkmap met weekcijfers mag uitgepakt hooguit ${megabytes(problem.max, lang)} zijn. Niet uitgepakt en niet gelezen.`,
        en: `Unpacked, the workbook would be ${megabytes(problem.bytes, lang)}; a workbook of weekly figures may be at most ${megabytes(problem.max, lang)} unpacked. Not unpacked and not read.`,
      });
    case 'sheet_too_many_rows':
      return pick(lang, {
        nl: `Blad “${problem.sheet}” heeft ${formatNumber(problem.rows, lang)} rijen; een blad met weekcijfers mag er hooguit ${formatNumber(problem.max, lang)} hebben. Niets geladen.`,
        en: `Sheet “${problem.sheet}” has ${formatNumber(problem.rows, lang)} rows; a sheet of weekly figures may have at most ${formatNumber(problem.max, lang)}. Nothing loaded.`,
      });
    case 'empty_file':
      return pick(lang, { nl: 'Het bestand is leeg.', en: 'The file is empty.' });
    case 'no_data_rows':
      return pick(lang, { nl: 'Het bestand heeft een kopregel maar geen gegevens.', en: 'The file has a header but no data.' });
    case 'no_week_column':
      return pick(lang, {
        nl: 'Geen weekkolom gevonden. Noem een kolom “Week” (of “Jaar” en “Week”, of “Datum” met de maandag).',
        en: 'No week column found. Name a column “Week” (or “Year” and “Week”, or “Date” with the Monday).',
      });
    case 'no_metric_columns':
      return pick(lang, { nl: 'Geen kolom met cijfers gevonden.', en: 'No column with figures found.' });
    case 'read_failed': {
      const known = KNOWN_ENGINE_MESSAGES.find(([pattern]) => pattern.test(problem.message));
      const message = known ? pick(lang, known[1]) : problem.message;
      return pick(lang, { nl: `Het bestand kon niet worden gelezen: ${message}`, en: `The file could not be read: ${message}` });
    }
    case 'reader_stopped':
      return pick(lang, {
        nl: `Het inlezen stopte onverwacht (${problem.message}). Het bestand is niet geladen; voeg het opnieuw toe om het nog eens te proberen.`,
        en: `Reading stopped unexpectedly (${problem.message}). The file was not loaded; add it again to retry.`,
      });
    case 'line_too_long':
      return pick(lang, {
        nl: `Regel ${problem.line} is ${formatNumber(problem.characters, lang)} tekens lang; een regel van een weekexport is hooguit ${formatNumber(problem.max, lang)} tekens. Dit is geen weekexport.`,
        en: `Line ${problem.line} is ${formatNumber(problem.characters, lang)} characters long; a weekly export's line has at most ${formatNumber(problem.max, lang)}. This is not a weekly export.`,
      });
    case 'too_many_columns':
      return pick(lang, {
        nl: `De kopregel heeft ${formatNumber(problem.count, lang)} kolommen; een weekexport heeft er hooguit ${formatNumber(problem.max, lang)}. Niets geladen.`,
        en: `The header has ${formatNumber(problem.count, lang)} columns; a weekly export has at most ${formatNumber(problem.max, lang)}. Nothing loaded.`,
      });
    case 'dates_mixed_order':
      return pick(lang, {
        nl: `De datums zijn niet in één volgorde geschreven: regel ${problem.dayFirstLine} kan alleen dag-maand zijn, regel ${problem.monthFirstLine} alleen maand-dag. Niets geladen, want elke datum als 06-07 zou dan twee dingen kunnen betekenen.`,
        en: `The dates are not written in one order: line ${problem.dayFirstLine} can only be day-month, line ${problem.monthFirstLine} only month-day. Nothing loaded, as every date like 06-07 could then mean two things.`,
      });
    case 'too_large':
      return pick(lang, {
        nl: `Het bestand is ${megabytes(problem.bytes, lang)}; ${problem.caseLevel ? 'een export per zaak' : 'een weekexport'} mag hooguit ${megabytes(problem.max, lang)} zijn${problem.caseLevel ? '' : ' (een export per zaak, met zaak-id, ontvangst- en besluitdatum, mag groter)'}. Niet gelezen; de andere bestanden blijven geladen.`,
        en: `The file is ${megabytes(problem.bytes, lang)}; ${problem.caseLevel ? 'a case-level export' : 'a weekly export'} may be at most ${megabytes(problem.max, lang)}${problem.caseLevel ? '' : ' (a case-level export, with case id, received and decision date, may be larger)'}. Not read; the other files stay loaded.`,
      });
  }
}

/**
 * DuckDB's and the browser's own messages, in English, said in the user's language; the original
 * stays available as a detail line (problemDetail).
 */
const KNOWN_ENGINE_MESSAGES: [RegExp, Texts][] = [
  [/invalid unicode|invalid utf-?8|not utf-?8/i, { nl: 'het bevat tekens die in de gebruikte codering geen geldige tekst zijn.', en: 'it holds characters that are not valid text in its encoding.' }],
  [/out of memory|failed to allocate|allocation failure|array buffer allocation/i, { nl: 'het geheugen van dit tabblad is op. Sluit andere tabbladen of laad een kleiner bestand.', en: "this tab's memory ran out. Close other tabs or load a smaller file." }],
  [/conversion error|could not convert/i, { nl: 'een waarde kon niet worden omgezet naar het verwachte soort gegeven.', en: 'a value could not be converted to the expected kind of data.' }],
  [/maximum line size|line size/i, { nl: 'een regel is te lang voor de database.', en: 'a line is too long for the database.' }],
  [/csv error|sniff/i, { nl: 'de CSV-lezer van de database weigerde het bestand.', en: "the database's CSV reader refused the file." }],
  [/table index is out of bounds|extension/i, { nl: 'een onderdeel van de database kon niet worden geladen.', en: 'a part of the database could not be loaded.' }],
  [/the reader counted/i, { nl: 'de lezer en de database telden een ander aantal regels; niets van dit bestand is geladen.', en: 'the reader and the database counted different numbers of lines; nothing of this file was loaded.' }],
];

/** The original text behind a translated message, for a detail line; null when there is none. */
export function problemDetail(problem: FileProblem): string | null {
  return problem.code === 'read_failed' && KNOWN_ENGINE_MESSAGES.some(([pattern]) => pattern.test(problem.message)) ? problem.message : null;
}

/** "op regel 4" / "op regels 4, 9 en 12" (nl); "on line 4" / "on lines 4, 9 and 12" (en). */
function lineList(lines: number[], lang: Lang): string {
  const listed = lines.length === 1 ? String(lines[0]) : `${lines.slice(0, -1).join(', ')} ${lang === 'nl' ? 'en' : 'and'} ${lines[lines.length - 1]}`;
  return lang === 'nl' ? `op regel${lines.length === 1 ? '' : 's'} ${listed}` : `on line${lines.length === 1 ? '' : 's'} ${listed}`;
}

const megabytes = (bytes: number, lang: Lang) => `${formatNumber(bytes / 2 ** 20, lang, 0)} MB`;

export function describeWarning(warning: FileWarning, lang: Lang): string {
  switch (warning.code) {
    case 'dates_not_mondays':
      return pick(lang, {
        nl: 'Niet alle datums zijn maandagen; elke datum is ingedeeld bij de ISO-week waarin hij valt.',
        en: 'Not all dates are Mondays; each date is counted in the ISO week it falls in.',
      });
    case 'encoding_repaired':
      return pick(lang, {
        nl: `Het bestand is UTF-8, maar ${warning.count === 1 ? 'één teken is' : `${formatNumber(warning.count, lang)} tekens zijn`} dat niet; gelezen als Windows-1252, ${lineList(warning.lines, lang)}. Controleer ${warning.count === 1 ? 'dat teken' : 'die tekens'}.`,
        en: `The file is UTF-8, but ${warning.count === 1 ? 'one character is' : `${formatNumber(warning.count, lang)} characters are`} not; read as Windows-1252, ${lineList(warning.lines, lang)}. Check ${warning.count === 1 ? 'it' : 'them'}.`,
      });
    case 'control_characters':
      return pick(lang, {
        nl: `Onleesbare stuurtekens (zoals een NUL-byte), ${lineList(warning.lines, lang)}; de rest van het bestand is gelezen.`,
        en: `Unreadable control characters (such as a NUL byte), ${lineList(warning.lines, lang)}; the rest of the file was read.`,
      });
    case 'decimals_assumed':
      return pick(lang, {
        nl: `Kolom “${warning.column}”: geen cel laat zien welk decimaalteken er gebruikt wordt; “${warning.text}” en dergelijke zijn gelezen met de punt als duizendtalscheiding, zoals een Nederlands bestand het schrijft. Klopt dat niet, exporteer dan met een decimaalkomma.`,
        en: `Column “${warning.column}”: no cell shows which decimal sign is used; “${warning.text}” and the like were read with the dot separating thousands, as a Dutch file writes it. If that is wrong, export with a decimal comma.`,
      });
    case 'dates_month_first':
      return pick(lang, {
        nl: `De datums staan met de maand eerst (zoals op regel ${warning.line}); alle datums van dit bestand zijn zo gelezen.`,
        en: `The dates are written month first (as on line ${warning.line}); every date in this file was read so.`,
      });
    case 'dates_ambiguous_order':
      return pick(lang, {
        nl: `${warning.count === 1 ? 'Eén datum' : `${formatNumber(warning.count, lang)} datums`} (zoals “${warning.text}” op regel ${warning.line}) ${warning.count === 1 ? 'is' : 'zijn'} gelezen met de dag eerst; met de maand eerst zou het een andere datum zijn.`,
        en: `${warning.count === 1 ? 'One date' : `${formatNumber(warning.count, lang)} dates`} (such as “${warning.text}” on line ${warning.line}) ${warning.count === 1 ? 'was' : 'were'} read day first; month first would give another date.`,
      });
    case 'case_ids_leading_zeros':
      return pick(lang, {
        nl: `${formatNumber(warning.count, lang)} zaak-id's verschillen alleen in voorloopnullen (zoals “${warning.withZeros}” en “${warning.without}”, zoals Excel ze weglaat). Zaak-id's zijn tekst: dit zijn aparte zaken. Controleer of een export door Excel is gegaan.`,
        en: `${formatNumber(warning.count, lang)} case ids differ only by leading zeros (such as “${warning.withZeros}” and “${warning.without}”, as Excel strips them). Case ids are text: these are separate cases. Check whether an export went through Excel.`,
      });
    case 'lookalike_metric':
      return pick(lang, {
        nl: `“${warning.header}” is als eigen reeks geladen, niet als ${metricDefinition(warning.metric)!.label.nl}: ${warning.reason === 'includes_unsupervised' ? 'vertrek zonder meer telt ook zelfstandig vertrek zonder toezicht, dat geen aantoonbaar vertrek is' : 'een kolom “Dublin” telt meestal Dublinclaimanten (van wie een andere EU-staat de aanvraag behandelt), geen overdrachten'}. Hernoem de kolom als het toch dat cijfer is.`,
        en: `“${warning.header}” was loaded as a custom series, not as ${metricDefinition(warning.metric)!.label.en}: ${warning.reason === 'includes_unsupervised' ? 'plain departures include departures without supervision, which are not demonstrable departures' : 'a “Dublin” column usually counts Dublin claimants (whose application another EU state handles), not transfers'}. Rename the column if it is that figure after all.`,
      });
    case 'export_date_from_modified':
      return pick(lang, {
        nl: `Geen datum in de bestandsnaam: de wijzigingsdatum (${formatDay(warning.date, lang)}) geldt als exportdatum.`,
        en: `No date in the file name: the modification date (${formatDay(warning.date, lang)}) counts as the export date.`,
      });
  }
}
