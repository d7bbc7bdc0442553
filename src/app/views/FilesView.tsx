import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { CaseField } from '../../domain/caseExport';
import { GRAINS, MAX_CUSTOM_METRICS, type Grain } from '../../domain/parsedExport';
import type { Dataset } from '../../domain/dataset';
import { describeProblem, describeReject, describeSheetProblem, describeSkip, describeWarning, problemDetail, rowPlace } from '../../i18n/describe';
import { formatDay, formatNumber, visibleName } from '../../i18n/format';
import { andList } from '../../i18n/paragraphs';
import { useLang, useT, type Lang, type Translate } from '../../i18n/language';
import type { StringKey } from '../../i18n/strings';
import { LINE_PAGE, type ColumnSummary, type FileReport, type LineOutcome, type SheetSummary } from '../../metrics/queries';
import { useFileColumns, useFileReports, useFileSheets, useLineReportPage } from '../state/dataQueries';
import { rejectedLinesCsv } from '../state/lineCsv';
import { useBusy } from '../state/busy';
import { useStorageRoom } from '../state/storageRoom';
import { FilePicker } from '../components/FilePicker';
import { catalogueLabel } from '../state/metricLabel';
import { groupBy } from '../state/groupBy';

interface Props {
  dataset: Dataset;
  onFiles: (files: File[]) => void;
  onRemove?: (file: FileReport) => void;
  /** Puts a case-level export in another scope (snapshot rule: the newest export of a scope is in force). */
  onScope?: (file: FileReport, scope: string) => void;
  /** Reads a multi-country statistics file again for another country. */
  onCountry?: (file: FileReport, country: string) => void;
  onRemoveAll?: () => void;
}

export function FilesView({ dataset, onFiles, onRemove, onScope, onCountry, onRemoveAll }: Props) {
  const t = useT();
  const reports = useFileReports(dataset);
  const columns = useFileColumns(dataset);
  const sheets = useFileSheets(dataset);
  const sheetsByFile = useMemo(() => groupBy(sheets.data ?? [], (s) => s.fileId), [sheets.data]);
  const columnsByFile = useMemo(() => groupBy(columns.data ?? [], (c) => c.fileId), [columns.data]);
  const scopes = useMemo(() => {
    const names = new Map<string, string[]>();
    for (const r of reports.data ?? []) if (r.caseScope !== null) names.set(r.caseScope, [...(names.get(r.caseScope) ?? []), r.name]);
    return names;
  }, [reports.data]);

  return (
    <div className="files-view">
      <FilePicker onFiles={onFiles} variant="zone" />
      <h2>{t('filesTitle')}</h2>
      {onRemoveAll && (reports.data?.length ?? 0) > 0 && (
        <button type="button" className="secondary" onClick={onRemoveAll}>
          {t('removeAll')}
        </button>
      )}
      {dataset === 'user' && <StorageRoomLine />}
      <ul className="file-list">
        {reports.data?.map((report) => (
          <FileItem
            key={report.fileId}
            report={report}
            columns={columnsByFile.get(report.fileId) ?? []}
            sheets={sheetsByFile.get(report.fileId) ?? []}
            onRemove={onRemove}
            scope={
              report.caseScope !== null ? (
                <CaseScope report={report} scopes={scopes} onScope={onScope} />
              ) : (
                report.country && <CountryChoice report={report} onCountry={onCountry} />
              )
            }
          />
        ))}
      </ul>
    </div>
  );
}

/**
 * A case-level export's scope: whether it replaces earlier exports (a snapshot of the same scope),
 * is replaced by a newer one, or adds a region; and, for the user's own files, a choice to change it.
 */
function CaseScope({ report, scopes, onScope }: { report: FileReport; scopes: Map<string, string[]>; onScope?: (file: FileReport, scope: string) => void }) {
  const t = useT();
  const state = report.replacedBy
    ? t('scopeReplaced', { name: report.replacedBy })
    : report.replaces.length > 0
      ? t('scopeReplaces', { names: report.replaces.join(', ') })
      : t('scopeAdds');
  const current = report.caseScope ?? report.name;
  // Each scope as the files in it (this one left out); a scope of this file alone is its own.
  const options = [...scopes].map(([scope, names]) => [scope, names.filter((n) => n !== report.name)] as const).filter(([scope, names]) => names.length > 0 || scope === current);
  const alone = options.some(([scope, names]) => scope === current && names.length === 0);
  return (
    <p className="case-scope" data-testid="case-scope" data-scope={current} data-replaced={report.replacedBy ? 'true' : undefined}>
      {state}
      {onScope && (
        <label className="inline-field">
          {' '}
          {t('scopeLabel')}{' '}
          <select value={current} onChange={(e) => onScope(report, e.target.value)} data-testid="case-scope-select">
            {options.map(([scope, names]) => (
              <option key={scope} value={scope}>
                {names.length === 0 ? t('scopeOwn') : t('scopeSameAs', { names: names.join(', ') })}
              </option>
            ))}
            {!alone && <option value={report.name}>{t('scopeOwn')}</option>}
          </select>
        </label>
      )}
    </p>
  );
}

/** A country's name in the UI's language ("Nederland (NL)"); Eurostat's aggregates (EU27_2020) as written. */
function countryName(code: string, lang: Lang): string {
  try {
    const name = new Intl.DisplayNames([lang], { type: 'region' }).of(code === 'EL' ? 'GR' : code === 'UK' ? 'GB' : code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

/** A multi-country statistics file: whose rows were read, and, for a kept file of the user's, a choice of another country. */
function CountryChoice({ report, onCountry }: { report: FileReport; onCountry?: (file: FileReport, country: string) => void }) {
  const t = useT();
  const lang = useLang();
  const country = report.country!;
  // The chosen country first when the file holds none of its rows (a French-only download read for NL).
  const choices = country.found.includes(country.chosen) ? country.found : [country.chosen, ...country.found];
  return (
    <p className="case-scope" data-testid="file-country" data-country={country.chosen}>
      {t('countryRead', { country: countryName(country.chosen, lang) })}
      {onCountry && report.storeKey !== null && choices.length > 1 && (
        <label className="inline-field">
          {' '}
          {t('countryLabel')}{' '}
          <select value={country.chosen} onChange={(e) => onCountry(report, e.target.value)} data-testid="file-country-select">
            {choices.map((code) => (
              <option key={code} value={code}>
                {countryName(code, lang)}
              </option>
            ))}
          </select>
        </label>
      )}
    </p>
  );
}

function FileItem({
  report,
  columns,
  sheets,
  onRemove,
  scope,
}: {
  report: FileReport;
  columns: ColumnSummary[];
  sheets: SheetSummary[];
  onRemove?: (file: FileReport) => void;
  scope?: ReactNode;
}) {
  const lang = useLang();
  const t = useT();
  const n = (v: number) => formatNumber(v, lang);
  const name = visibleName(report.name);
  const format = [
    sheets.length > 0 && t('formatWorkbook'),
    report.layout && layoutLabel(report.layout, columns, t, lang),
    report.delimiter && t('delimiterName', { d: report.delimiter === '\t' ? 'tab' : `“${report.delimiter}”` }),
    report.encoding,
  ].filter(Boolean);

  return (
    <li
      className={`file-item${report.problem ? ' has-problem' : ''}`}
      data-testid="file-item"
      data-name={report.name}
      data-rows-loaded={report.rowsLoaded}
      data-rows-rejected={report.rowsRejected}
      data-rows-skipped={report.rowsSkipped}
      data-problem={report.problem?.code}
    >
      <header className="file-header">
        <h3>{name}</h3>
        {onRemove && (
          <button type="button" className="secondary" aria-label={t('removeFileLabel', { name })} onClick={() => onRemove(report)}>
            {t('removeFile')}
          </button>
        )}
      </header>
      <dl className="file-facts">
        <dt>{t('exportDate')}</dt>
        <dd>
          {formatDay(report.exportDate, lang)} ({report.exportDateSource === 'file_name' ? t('exportDateFromName') : t('exportDateFromModified')})
        </dd>
        {format.length > 0 && (
          <>
            <dt>{t('fileFormat')}</dt>
            <dd>{format.join(', ')}</dd>
          </>
        )}
      </dl>
      <p className="rows-summary">
        {t('rowsSummary', { loaded: n(report.rowsLoaded), rejected: n(report.rowsRejected), skipped: n(report.rowsSkipped), lines: n(report.dataLines) })}
        {report.valuesSuperseded > 0 && <> · {t('superseded', { count: n(report.valuesSuperseded), revised: n(report.valuesRevised) })}</>}
      </p>
      {scope}
      {report.problem && (
        <p className="problem" role="alert">
          {describeProblem(report.problem, lang)}
        </p>
      )}
      {report.problem && problemDetail(report.problem) && (
        <p className="problem-detail">
          <small>
            {t('technicalDetail')}: <code>{problemDetail(report.problem)}</code>
          </small>
        </p>
      )}
      {sheets.length > 0 && (
        <div className="file-sheets">
          <h4>{t('sheetsTitle')}</h4>
          <ul>
            {sheets.map((s) => (
              <li
                key={s.sheet}
                data-testid="file-sheet"
                data-sheet={s.sheet}
                data-rows-loaded={s.rowsLoaded}
                data-rows-rejected={s.rowsRejected}
                data-rows-skipped={s.rowsSkipped}
              >
                <strong>{s.sheet}</strong>: {t('sheetSummary', { loaded: n(s.rowsLoaded), rejected: n(s.rowsRejected), skipped: n(s.rowsSkipped), lines: n(s.dataLines) })}
                {s.headerLine !== null && <> ({t('sheetHeaderRow', { line: s.headerLine })})</>}
                {s.problem && <> · {describeSheetProblem(s.problem, lang)}</>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {report.warnings.map((w, i) => (
        <p className="warning" key={`${w.code}-${i}`}>
          {describeWarning(w, lang)}
        </p>
      ))}
      {columns.length > 0 && (
        <details className="columns">
          <summary>
            {t('columnsTitle')} ({columns.length})
          </summary>
          <table>
            <thead>
              <tr>
                {sheets.length > 0 && <th scope="col">{t('sheetsTitle')}</th>}
                <th scope="col">{t('column')}</th>
                <th scope="col">{t('recognisedAs')}</th>
              </tr>
            </thead>
            <tbody>
              {columns.map((c) => (
                <tr key={`${c.sheet}:${c.position}`} data-column-role={c.role} data-metric={c.metric ?? undefined}>
                  {sheets.length > 0 && <td>{c.sheet}</td>}
                  <td>{c.header || '–'}</td>
                  <td>{describeColumn(c, t, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      {report.rowsRejected > 0 && (
        <div className="rejected">
          <h4>
            {t('rejectedTitle')} ({n(report.rowsRejected)})
          </h4>
          <DownloadRejected report={report} />
          <PagedLines fileId={report.fileId} outcome="rejected" total={report.rowsRejected} testId="rejected-row" workbook={sheets.length > 0} />
        </div>
      )}
      {report.rowsSkipped > 0 && (
        <details className="skipped">
          <summary>
            {t('skippedTitle')} ({n(report.rowsSkipped)})
          </summary>
          <PagedLines fileId={report.fileId} outcome="skipped" total={report.rowsSkipped} testId="skipped-row" workbook={sheets.length > 0} />
        </details>
      )}
    </li>
  );
}

/** The room the kept files take in this browser, and whether the browser keeps them when space runs low. */
function StorageRoomLine() {
  const lang = useLang();
  const t = useT();
  const room = useStorageRoom();
  if (!room || room.quota === 0) return null;
  const mb = (bytes: number) => `${formatNumber(bytes / 2 ** 20, lang, 0)} MB`;
  return (
    <p className="storage-room" data-testid="storage-room" data-usage={room.usage} data-quota={room.quota} data-persisted={room.persisted}>
      {t('storageRoomLine', { usage: mb(room.usage), free: mb(Math.max(0, room.quota - room.usage)) })} {t(room.persisted ? 'storagePersisted' : 'storageNotPersisted')}
    </p>
  );
}

/** A file's lines of one outcome, a thousand at a time: the first page at once, the next on request. */
function PagedLines({ fileId, outcome, total, testId, workbook }: { fileId: number; outcome: LineOutcome['outcome']; total: number; testId: string; workbook: boolean }) {
  const lang = useLang();
  const t = useT();
  const [pages, setPages] = useState(1);
  const shown = Math.min(total, pages * LINE_PAGE);
  return (
    <>
      {Array.from({ length: pages }, (_, page) => (
        <LinePage key={page} fileId={fileId} outcome={outcome} page={page} testId={testId} workbook={workbook} />
      ))}
      {total > shown && (
        <p className="line-paging">
          {t('linesShown', { shown: formatNumber(shown, lang), total: formatNumber(total, lang) })}{' '}
          <button type="button" className="secondary" onClick={() => setPages((p) => p + 1)}>
            {t('showMore', { count: formatNumber(Math.min(LINE_PAGE, total - shown), lang) })}
          </button>
        </p>
      )}
    </>
  );
}

/** Rows drawn per frame: a thousand rows with their reasons in one go hold the page for over 100 ms. */
const ROWS_PER_FRAME = 100;

function LinePage({ fileId, outcome, page, testId, workbook }: { fileId: number; outcome: LineOutcome['outcome']; page: number; testId: string; workbook: boolean }) {
  const lines = useLineReportPage(fileId, outcome, page);
  const total = lines.data?.length ?? 0;
  const [drawn, setDrawn] = useState(ROWS_PER_FRAME);
  useEffect(() => {
    if (drawn >= total) return;
    const frame = requestAnimationFrame(() => setDrawn((d) => d + ROWS_PER_FRAME));
    return () => cancelAnimationFrame(frame);
  }, [drawn, total]);
  // "Ready" waits for the last rows: tests and users never read a half-drawn page as all there is.
  useBusy(drawn < total);
  return lines.data && total > 0 ? <LineTable lines={lines.data.slice(0, drawn)} testId={testId} workbook={workbook} /> : null;
}

/** Every rejected line of the file as a CSV, built in pages off the page's critical path. */
function DownloadRejected({ report }: { report: FileReport }) {
  const lang = useLang();
  const t = useT();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const blob = await rejectedLinesCsv(report.fileId, [t('line'), t('content'), t('reason')], lang);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = `${t('rejectedFileName')}_${report.name.replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N}_.-]+/gu, '_')}.csv`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" className="secondary" data-testid="download-rejected" disabled={busy} onClick={() => void download()}>
      {t('downloadRejected', { count: formatNumber(report.rowsRejected, lang) })}
    </button>
  );
}

/** A workbook's rows are named by sheet and row ("Blad1, rij 12"), a CSV file's by line. */
function LineTable({ lines, testId, workbook }: { lines: LineOutcome[]; testId: string; workbook: boolean }) {
  const lang = useLang();
  const t = useT();
  return (
    <table className="line-table">
      <thead>
        <tr>
          <th scope="col">{t(workbook ? 'sheetRow' : 'line')}</th>
          <th scope="col">{t('content')}</th>
          <th scope="col">{t('reason')}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <tr key={`${l.sheet}:${l.line}`} data-testid={testId} data-sheet={l.sheet ?? undefined} data-line={l.line} data-reason={l.reason.code}>
            <td className={l.sheet === null ? 'number' : undefined}>{l.sheet === null ? l.line : rowPlace(l.line, l.sheet, lang)}</td>
            <td>
              <code>{l.raw}</code>
            </td>
            <td>{l.outcome === 'rejected' ? describeReject(l.reason, lang) : describeSkip(l.reason, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The grains a period column's figures were read as ("week", "month", ...). */
const grainsOf = (c: ColumnSummary) => (c.detail?.split(',').filter((g) => g !== '') ?? []) as Grain[];
const grainList = (grains: Grain[], t: Translate, lang: Lang) => andList(grains.map((g) => t(`periodGrain_${g}`)), lang);

/**
 * A file's layout as the report names it. Periods across the columns are named by what they are
 * (weeks, months, ...), as read from its period columns: a monthly statistics table is no table of weeks.
 */
function layoutLabel(layout: string, columns: ColumnSummary[], t: Translate, lang: Lang): string {
  if (layout !== 'transposed') return t(LAYOUTS[layout]);
  const read = new Set(columns.filter((c) => c.role === 'week').flatMap(grainsOf));
  const grains = GRAINS.filter((g) => read.has(g));
  return t('layoutTransposed', { periods: grains.length > 0 ? grainList(grains, t, lang) : t('periodGrain_week') });
}

function describeColumn(c: ColumnSummary, t: Translate, lang: Lang): string {
  const label = c.metric ? (catalogueLabel(c.metric, lang) ?? c.metric) : '';
  switch (c.role) {
    case 'week': {
      // A column of months (or a year total between them) is a period column, not a week column.
      // No figure read from it (every row rejected): named as the week column it was taken for.
      const grains = grainsOf(c);
      return grains.every((g) => g === 'week') ? t('roleWeek') : t('rolePeriod', { grains: grainList(grains, t, lang) });
    }
    case 'year':
      return t('roleYear');
    case 'metric_name':
      return t('roleMetricName');
    case 'value':
      return t('roleValue');
    case 'dimension':
      return t('roleDimension', { header: c.header });
    case 'country':
      return t('roleCountry');
    case 'flag':
      return t('roleFlag');
    case 'metric': {
      const scale = c.detail?.startsWith('scale_') ? ` ${t('roleScaled', { scale: formatNumber(Number(c.detail.slice(6)), lang) })}` : '';
      return (c.detail === 'forced_part' ? t('roleForcedPart', { label }) : `${label} (${c.metric})`) + scale;
    }
    case 'custom':
      return `${t('roleCustom', { header: c.header || '–' })} (${c.metric})${c.detail === 'comma' ? `, ${t('decimalsComma')}` : c.detail === 'point' ? `, ${t('decimalsPoint')}` : ''}`;
    case 'case':
      return t('roleCase', { field: t(`caseField_${c.detail as CaseField}`) });
    case 'ignored':
      return t(IGNORED[c.detail ?? ''] ?? 'ignoredNotNumeric', { max: MAX_CUSTOM_METRICS });
  }
}

const LAYOUTS: Record<string, StringKey> = {
  wide: 'layoutWide',
  long: 'layoutLong',
  cases: 'layoutCases',
  statline: 'layoutStatline',
  eurostat_tsv: 'layoutEurostatTsv',
  sdmx_csv: 'layoutSdmxCsv',
};

const IGNORED: Record<string, StringKey> = {
  not_a_case_field: 'ignoredNotCaseField',
  row_id: 'ignoredRowId',
  empty: 'ignoredEmpty',
  duplicate_metric: 'ignoredDuplicate',
  empty_header: 'ignoredEmptyHeader',
  custom_limit: 'ignoredCustomLimit',
};
