/**
 * Writes a parsed export into DuckDB in one transaction, so a file is stored whole or not
 * at all, and removes files or whole datasets.
 */
import { Table, Utf8, makeData, makeVector, tableToIPC, type Vector } from 'apache-arrow';
import type { Database, SqlConnection } from './database';
import type { ParsedExport } from '../domain/parsedExport';
import { WEEKLY_SERIES_REFRESH } from './weeklySeries';
import { caseGroupsChanged, dropCaseTables } from './caseStore';
import { REFRESH_CURRENT, REFRESH_CURRENT_WEEKS } from './schema';
import { insertLineReports, SMALL_PACKED_BYTES, unpackLineReports, type UnpackedReport } from './lineReports';
import type { Dataset } from '../domain/dataset';
import { periodStart, seriesId } from '../domain/grain';


/** Stores a parsed export; `storeKey` names the original file in the browser's storage, if it is kept there. */
export async function storeExport(db: Database, dataset: Dataset, parsed: ParsedExport, storeKey: number | null = null): Promise<number> {
  const [id] = await storeExports(db, dataset, [{ parsed, storeKey }]);
  return id;
}

/**
 * Stores several parsed exports in one transaction, in the order given, and rebuilds the derived
 * tables once: the sample's files at start-up cost one rebuild, not one each. All or none.
 */
export async function storeExports(db: Database, dataset: Dataset, files: { parsed: ParsedExport; storeKey: number | null }[]): Promise<number[]> {
  return storeStaged(db, await stageExports(dataset, files));
}

/**
 * A batch of parsed exports made ready for DuckDB (`storeStaged`): every kind of row as an Arrow
 * staging table. Needs no database: a batch read while DuckDB starts (the sample's, at start-up)
 * is staged meanwhile, and the store's statements then follow one another in DuckDB's worker
 * without waiting for the page. Rows carry their file's place in the batch; the ids come with the store.
 */
export interface StagedExports {
  files: { parsed: ParsedExport; storeKey: number | null }[];
  tables: Staging[];
  periodsChanged: boolean;
}

/** Rows of a staging table after which the page gets its thread back before the next is built. */
const LARGE_STAGING_ROWS = 10_000;

/** Small packed reports go in with the rest; large ones through DuckDB's CSV reader (lineReports.ts). */
const smallReports = (p: ParsedExport) => p.packedReports !== undefined && p.packedReports.csv.length <= SMALL_PACKED_BYTES;

export async function stageExports(dataset: Dataset, files: { parsed: ParsedExport; storeKey: number | null }[]): Promise<StagedExports> {
  /** Every file's rows of one kind, each with its file's place in the batch. */
  const rowsOf = <T>(pick: (parsed: ParsedExport) => T[]) => files.flatMap(({ parsed }, i) => pick(parsed).map((row) => ({ index: i, row })));
  const fileIndexes = (rows: { index: number }[]) => Int32Array.from(rows, (r) => r.index);
  const tables: Staging[] = [];
  const stage = async (...[name, select, rows, data]: Parameters<typeof staged>) => {
    const table = staged(name, select, rows, data);
    if (table) tables.push(table);
    // The page's thread is given back after a large table: a batch of large exports is not one long task.
    if (rows > LARGE_STAGING_ROWS) await new Promise((resolve) => setTimeout(resolve, 0));
  };
  const text = (pick: (parsed: ParsedExport) => string | null) => files.map(({ parsed }) => pick(parsed));
  const counts = (pick: (parsed: ParsedExport) => number) => Int32Array.from(files, ({ parsed }) => pick(parsed));
  // -1 for none in a typed column (Int32Array has no NULL: header lines and storage keys are never negative); the select turns it back.
  await stage('files', 'dataset, name, CAST(size_bytes AS BIGINT), CAST(export_date AS DATE), export_date_source, encoding, delimiter, layout, NULLIF(header_line, -1), data_lines, rows_loaded, rows_rejected, rows_skipped, problem, warnings, NULLIF(store_key, -1), content_hash', files.length, {
    file_index: Int32Array.from(files, (_, i) => i),
    dataset: text(() => dataset),
    name: text((p) => p.name),
    size_bytes: Float64Array.from(files, ({ parsed }) => parsed.sizeBytes),
    export_date: text((p) => p.exportDate.date),
    export_date_source: text((p) => p.exportDate.source),
    encoding: text((p) => p.encoding),
    delimiter: text((p) => p.delimiter),
    layout: text((p) => p.layout),
    header_line: counts((p) => p.headerLine ?? -1),
    data_lines: counts((p) => p.dataLines),
    rows_loaded: counts((p) => p.rowsLoaded),
    rows_rejected: counts((p) => p.packedReports?.rejected ?? p.rejected.length),
    rows_skipped: counts((p) => p.packedReports?.skipped ?? p.skipped.length),
    problem: text((p) => (p.problem ? JSON.stringify(p.problem) : null)),
    warnings: text((p) => JSON.stringify(p.warnings)),
    store_key: Int32Array.from(files, ({ storeKey }) => storeKey ?? -1),
    content_hash: text((p) => p.contentHash),
  });
  const columns = rowsOf((p) => p.columns);
  await stage('file_columns', 'position, header, role, metric, detail, sheet', columns.length, {
    file_index: fileIndexes(columns),
    position: Int32Array.from(columns, ({ row }) => row.position),
    header: columns.map(({ row }) => row.header),
    role: columns.map(({ row }) => row.role),
    metric: columns.map(({ row }) => ('metric' in row ? row.metric : null)),
    // Why a column is ignored, how a metric was recognised (or its scale), how a custom column writes decimals.
    detail: columns.map(({ row }) => ('grains' in row && row.grains?.length ? row.grains.join(',') : 'why' in row ? row.why : 'scale' in row && row.scale ? `scale_${row.scale}` : 'via' in row ? row.via : 'decimals' in row ? (row.decimals ?? null) : null)),
    sheet: columns.map(({ row }) => row.sheet ?? null),
  });
  const sheets = rowsOf((p) => p.sheets.map((sheet, position) => ({ ...sheet, position })));
  await stage('file_sheets', 'position, sheet, NULLIF(header_line, -1), data_lines, rows_loaded, rows_rejected, rows_skipped, problem', sheets.length, {
    file_index: fileIndexes(sheets),
    position: Int32Array.from(sheets, ({ row }) => row.position),
    sheet: sheets.map(({ row }) => row.sheet),
    // -1: no header (a sheet without a table); Int32Array has no NULL, the select turns it back.
    header_line: Int32Array.from(sheets, ({ row }) => row.headerLine ?? -1),
    data_lines: Int32Array.from(sheets, ({ row }) => row.dataLines),
    rows_loaded: Int32Array.from(sheets, ({ row }) => row.rowsLoaded),
    rows_rejected: Int32Array.from(sheets, ({ row }) => row.rowsRejected),
    rows_skipped: Int32Array.from(sheets, ({ row }) => row.rowsSkipped),
    problem: sheets.map(({ row }) => (row.problem ? JSON.stringify(row.problem) : null)),
  });
  const customMetrics = rowsOf((p) => p.customMetrics);
  await stage('custom_metrics', 'metric, label', customMetrics.length, {
    file_index: fileIndexes(customMetrics),
    metric: customMetrics.map(({ row }) => row.id),
    label: customMetrics.map(({ row }) => row.label),
  });
  const observations = rowsOf((p) => p.observations);
  await stage('observations', 'line, CAST(week_start AS DATE), metric, value, sheet', observations.length, {
    file_index: fileIndexes(observations),
    line: Int32Array.from(observations, ({ row }) => row.line),
    week_start: observations.map(({ row }) => row.weekStart),
    // A weekly figure split by dimensions is a series of its own, never added to the total.
    metric: observations.map(({ row }) => seriesId(row.metric, row.dimensions)),
    value: Float64Array.from(observations, ({ row }) => row.value),
    sheet: observations.map(({ row }) => row.sheet ?? null),
  });
  const periods = rowsOf((p) => p.periodObservations ?? []);
  await stage('period_observations', 'line, sheet, series, metric, dimensions, grain, period, CAST(period_start AS DATE), CASE WHEN isnan(value) THEN NULL ELSE value END, symbol, flag, source', periods.length, {
    file_index: fileIndexes(periods),
    line: Int32Array.from(periods, ({ row }) => row.line),
    sheet: periods.map(({ row }) => row.sheet ?? null),
    series: periods.map(({ row }) => seriesId(row.metric, row.dimensions)),
    metric: periods.map(({ row }) => row.metric),
    dimensions: periods.map(({ row }) => row.dimensions.join('|')),
    grain: periods.map(({ row }) => row.grain),
    period: periods.map(({ row }) => row.period),
    period_start: periods.map(({ row }) => {
      const start = periodStart(row.period);
      if (!start) throw new Error(`${row.period}: not a period the app writes (2020-03, 2020-Q1, 2020)`);
      return start;
    }),
    // NaN: no value (Float64Array has no NULL); the select turns it back.
    value: Float64Array.from(periods, ({ row }) => row.value ?? NaN),
    symbol: periods.map(({ row }) => row.symbol ?? null),
    flag: periods.map(({ row }) => row.flag ?? null),
    source: periods.map(({ row }) => row.source ?? null),
  });
  const reports = rowsOf((p): UnpackedReport[] => [
    ...p.rejected.map((r) => ({ line: r.line, outcome: 'rejected', raw: r.raw, reason: JSON.stringify(r.reason), sheet: r.sheet ?? null })),
    ...p.skipped.map((r) => ({ line: r.line, outcome: 'skipped', raw: r.raw, reason: JSON.stringify(r.reason), sheet: r.sheet ?? null })),
    ...(smallReports(p) ? unpackLineReports(p.packedReports!.csv) : []),
  ]);
  await stage('line_reports', 'line, outcome, raw, reason, sheet', reports.length, {
    file_index: fileIndexes(reports),
    line: Int32Array.from(reports, ({ row }) => row.line),
    outcome: reports.map(({ row }) => row.outcome),
    raw: reports.map(({ row }) => row.raw),
    reason: reports.map(({ row }) => row.reason),
    sheet: reports.map(({ row }) => row.sheet),
  });
  return { files, tables, periodsChanged: periods.length > 0 };
}

/** Stores a staged batch (`stageExports`) in one transaction; returns the files' ids, in order. */
export async function storeStaged(db: Database, { files, tables, periodsChanged }: StagedExports): Promise<number[]> {
  const ids = db.newFileIds(files.length);
  return db.transaction(async (sql) => {
    for (const { name, ipc } of tables) await sql.insertArrowStream(name, ipc);
    for (const [i, { parsed }] of files.entries()) {
      if (parsed.country) await sql.run('INSERT INTO file_countries VALUES (?, ?, ?)', [ids[i], parsed.country.chosen, parsed.country.found.join(',')]);
      if (parsed.packedReports && !smallReports(parsed)) await insertLineReports(sql, ids[i], parsed.packedReports.csv);
    }
    // Moved from staging into their tables with the rebuild, in one call (the ids are consecutive). A
    // batch without period figures leaves current_periods as it was (its ranking sees only files with period rows).
    await refreshCurrent(sql, periodsChanged, tables.map((table) => table.move(ids[0])));
    return ids;
  });
}

/** The tables derived from the observations, rebuilt in the transaction that changed them, after the statements `before`. */
async function refreshCurrent(sql: SqlConnection, periodsChanged = true, before: string[] = []): Promise<void> {
  // One call for the lot: each statement alone is a round trip to DuckDB's worker.
  await sql.run([...before, ...(periodsChanged ? REFRESH_CURRENT : REFRESH_CURRENT_WEEKS), ...WEEKLY_SERIES_REFRESH].join(';\n'), []);
}

/** Numbers as typed arrays; text as strings, null where absent. */
type ColumnData = Record<string, Int32Array | Float64Array | (string | null)[]>;

/**
 * Rows as an Arrow staging table (typed, no CSV quoting to get wrong), and the statements that
 * move them into their table, given the batch's first file id.
 */
interface Staging {
  name: string;
  ipc: Uint8Array;
  move: (firstId: number) => string;
}

/** Rows for `table` (whose first column is the file id) as a staging table; `select` gives the rest of its columns. Null for no rows. */
function staged(table: string, select: string, rows: number, data: ColumnData & { file_index: Int32Array }): Staging | null {
  if (rows === 0) return null;
  const vectors: Record<string, Vector> = {};
  for (const [name, values] of Object.entries(data)) vectors[name] = Array.isArray(values) ? utf8Vector(values) : makeVector(values);
  const name = `staging_${table}`;
  return {
    name,
    ipc: tableToIPC(new Table(vectors), 'stream'),
    move: (firstId) => `INSERT INTO ${table} SELECT file_index + ${firstId}, ${select} FROM ${name}; DROP TABLE ${name}`,
  };
}

/**
 * A text column built from its buffers. Arrow's own builders (vectorFromArray) generate code with
 * new Function, which the app's Content-Security-Policy rightly forbids.
 */
function utf8Vector(values: (string | null)[]): Vector<Utf8> {
  const encoder = new TextEncoder();
  const valueOffsets = new Int32Array(values.length + 1);
  // One encode for the column: when it is all ASCII (weeks, series ids), each character is a byte
  // and the offsets are the lengths; 50,000 encodes of short strings held the page for long.
  const joined = values.join('');
  let data = encoder.encode(joined);
  if (data.length === joined.length) values.forEach((v, i) => (valueOffsets[i + 1] = valueOffsets[i] + (v?.length ?? 0)));
  else {
    const encoded = values.map((v) => encoder.encode(v ?? ''));
    encoded.forEach((bytes, i) => (valueOffsets[i + 1] = valueOffsets[i] + bytes.length));
    data = new Uint8Array(valueOffsets[values.length]);
    encoded.forEach((bytes, i) => data.set(bytes, valueOffsets[i]));
  }
  const nullCount = values.filter((v) => v === null).length;
  const nullBitmap = new Uint8Array(Math.ceil(values.length / 8));
  values.forEach((v, i) => v !== null && (nullBitmap[i >> 3] |= 1 << (i & 7)));
  return makeVector(makeData({ type: new Utf8(), length: values.length, nullCount, valueOffsets, data, nullBitmap: nullCount > 0 ? nullBitmap : undefined }));
}

export async function removeFile(db: Database, fileId: number): Promise<void> {
  await db.transaction(async (sql) => {
    const [file] = (await sql.run('SELECT dataset, layout FROM files WHERE file_id = ?', [fileId])) as { dataset: Dataset; layout: string | null }[];
    for (const table of ['observations', 'period_observations', 'case_scopes', 'line_reports', 'file_columns', 'file_sheets', 'file_countries', 'custom_metrics', 'files']) {
      await sql.run(`DELETE FROM ${table} WHERE file_id = ?`, [fileId]);
    }
    if (file?.layout === 'cases') {
      await dropCaseTables(sql, [fileId]);
      await caseGroupsChanged(sql, file.dataset);
    }
    else await refreshCurrent(sql);
  });
}

/**
 * Removes the files another tab removed (by their keys in the browser's storage); returns their
 * names, so the page can say what went.
 */
export async function removeStoredFiles(db: Database, dataset: Dataset, storeKeys: number[]): Promise<string[]> {
  if (storeKeys.length === 0) return [];
  const files = await db.query<{ file_id: number; name: string }>(`SELECT file_id, name FROM files WHERE dataset = ? AND store_key IN (${storeKeys.map(() => '?').join(', ')})`, [dataset, ...storeKeys]);
  for (const file of files) await removeFile(db, file.file_id);
  return files.map((f) => f.name);
}

/** The keys, in the browser's storage, of a dataset's files: what removing the dataset removes there. */
export async function storeKeysOf(db: Database, dataset: Dataset): Promise<number[]> {
  const rows = await db.query<{ key: number }>('SELECT store_key AS key FROM files WHERE dataset = ? AND store_key IS NOT NULL', [dataset]);
  return rows.map((r) => r.key);
}

export async function removeDataset(db: Database, dataset: Dataset): Promise<void> {
  await db.transaction(async (sql) => {
    const cases = (await sql.run("SELECT file_id FROM files WHERE dataset = ? AND layout = 'cases'", [dataset])) as { file_id: number }[];
    for (const table of ['observations', 'period_observations', 'case_scopes', 'line_reports', 'file_columns', 'file_sheets', 'file_countries', 'custom_metrics']) {
      await sql.run(`DELETE FROM ${table} WHERE file_id IN (SELECT file_id FROM files WHERE dataset = ?)`, [dataset]);
    }
    await dropCaseTables(sql, cases.map((f) => f.file_id));
    await sql.run('DELETE FROM files WHERE dataset = ?', [dataset]);
    await sql.run('DELETE FROM case_groups WHERE dataset = ?', [dataset]);
    await refreshCurrent(sql);
  });
}
