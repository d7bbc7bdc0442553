/**
 * Writes a parsed export into DuckDB in one transaction, so a file is stored whole or not
 * at all, and removes files or whole datasets.
 */
import { Table, Utf8, makeData, makeVector, tableToIPC, type Vector } from 'apache-arrow';
import type { Database, SqlConnection } from './database';
import type { ParsedExport } from './parsedExport';
import { refreshWeeklySeries } from '../metrics/weeklySeries';
import { refreshCaseGroups } from './caseStore';
import { REFRESH_CURRENT, SCHEMA } from './schema';

export type Dataset = 'sample' | 'user';

export async function createSchema(db: Database): Promise<void> {
  for (const statement of SCHEMA) await db.query(statement);
}

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
  return db.transaction(async (sql) => {
    const ids: number[] = [];
    for (const { parsed, storeKey } of files) ids.push(await insertExport(sql, dataset, parsed, storeKey));
    await refreshCurrent(sql);
    return ids;
  });
}

async function insertExport(sql: SqlConnection, dataset: Dataset, parsed: ParsedExport, storeKey: number | null): Promise<number> {
  const [{ id }] = (await sql.run("SELECT CAST(nextval('file_id_seq') AS INTEGER) AS id", [])) as { id: number }[];
  await sql.run(
    `INSERT INTO files VALUES (?, ?, ?, ?, CAST(? AS DATE), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      id, dataset, parsed.name, parsed.sizeBytes, parsed.exportDate.date, parsed.exportDate.source,
      parsed.encoding, parsed.delimiter, parsed.layout, parsed.headerLine,
      parsed.dataLines, parsed.rowsLoaded, parsed.rejected.length, parsed.skipped.length,
      parsed.problem ? JSON.stringify(parsed.problem) : null, JSON.stringify(parsed.warnings), storeKey,
    ],
  );
  const { columns, observations, customMetrics, rejected, skipped } = parsed;
  await append(sql, id, 'file_columns', 'position, header, role, metric, detail', columns.length, {
    position: Int32Array.from(columns, (c) => c.position),
    header: columns.map((c) => c.header),
    role: columns.map((c) => c.role),
    metric: columns.map((c) => ('metric' in c ? c.metric : null)),
    detail: columns.map((c) => ('why' in c ? c.why : 'via' in c ? c.via : null)),
  });
  await append(sql, id, 'custom_metrics', 'metric, label', customMetrics.length, {
    metric: customMetrics.map((m) => m.id),
    label: customMetrics.map((m) => m.label),
  });
  await append(sql, id, 'observations', 'line, CAST(week_start AS DATE), metric, value', observations.length, {
    line: Int32Array.from(observations, (o) => o.line),
    week_start: observations.map((o) => o.weekStart),
    metric: observations.map((o) => o.metric),
    value: Float64Array.from(observations, (o) => o.value),
  });
  const reports = [
    ...rejected.map((r) => ({ ...r, outcome: 'rejected' })),
    ...skipped.map((r) => ({ ...r, outcome: 'skipped' })),
  ];
  await append(sql, id, 'line_reports', 'line, outcome, raw, reason', reports.length, {
    line: Int32Array.from(reports, (r) => r.line),
    outcome: reports.map((r) => r.outcome),
    raw: reports.map((r) => r.raw),
    reason: reports.map((r) => JSON.stringify(r.reason)),
  });
  return id;
}

/** The tables derived from the observations, rebuilt in the transaction that changed them. */
async function refreshCurrent(sql: SqlConnection): Promise<void> {
  for (const statement of REFRESH_CURRENT) await sql.run(statement, []);
  await refreshWeeklySeries(sql);
}

/** Numbers as typed arrays; text as strings, null where absent. */
type ColumnData = Record<string, Int32Array | Float64Array | (string | null)[]>;

/** Appends rows to `table` for one file through an Arrow staging table (typed, no CSV quoting to get wrong). */
async function append(sql: SqlConnection, fileId: number, table: string, select: string, rows: number, data: ColumnData): Promise<void> {
  if (rows === 0) return;
  const vectors: Record<string, Vector> = {};
  for (const [name, values] of Object.entries(data)) vectors[name] = Array.isArray(values) ? utf8Vector(values) : makeVector(values);
  const staging = `staging_${table}_${fileId}`;
  await sql.insertArrowStream(staging, tableToIPC(new Table(vectors), 'stream'));
  await sql.run(`INSERT INTO ${table} SELECT ${fileId}, ${select} FROM ${staging}`, []);
  await sql.run(`DROP TABLE ${staging}`, []);
}

/**
 * A text column built from its buffers. Arrow's own builders (vectorFromArray) generate code with
 * new Function, which the app's Content-Security-Policy rightly forbids.
 */
function utf8Vector(values: (string | null)[]): Vector<Utf8> {
  const encoder = new TextEncoder();
  const encoded = values.map((v) => encoder.encode(v ?? ''));
  const valueOffsets = new Int32Array(values.length + 1);
  encoded.forEach((bytes, i) => (valueOffsets[i + 1] = valueOffsets[i] + bytes.length));
  const data = new Uint8Array(valueOffsets[values.length]);
  encoded.forEach((bytes, i) => data.set(bytes, valueOffsets[i]));
  const nullCount = values.filter((v) => v === null).length;
  const nullBitmap = new Uint8Array(Math.ceil(values.length / 8));
  values.forEach((v, i) => v !== null && (nullBitmap[i >> 3] |= 1 << (i & 7)));
  return makeVector(makeData({ type: new Utf8(), length: values.length, nullCount, valueOffsets, data, nullBitmap: nullCount > 0 ? nullBitmap : undefined }));
}

export async function removeFile(db: Database, fileId: number): Promise<void> {
  await db.transaction(async (sql) => {
    const [file] = (await sql.run('SELECT dataset, layout FROM files WHERE file_id = ?', [fileId])) as { dataset: Dataset; layout: string | null }[];
    for (const table of ['observations', 'cases', 'line_reports', 'file_columns', 'custom_metrics', 'files']) {
      await sql.run(`DELETE FROM ${table} WHERE file_id = ?`, [fileId]);
    }
    if (file?.layout === 'cases') await refreshCaseGroups(sql, file.dataset);
    else await refreshCurrent(sql);
  });
}

export async function removeDataset(db: Database, dataset: Dataset): Promise<void> {
  await db.transaction(async (sql) => {
    for (const table of ['observations', 'cases', 'line_reports', 'file_columns', 'custom_metrics']) {
      await sql.run(`DELETE FROM ${table} WHERE file_id IN (SELECT file_id FROM files WHERE dataset = ?)`, [dataset]);
    }
    await sql.run('DELETE FROM files WHERE dataset = ?', [dataset]);
    await sql.run('DELETE FROM case_groups WHERE dataset = ?', [dataset]);
    await refreshCurrent(sql);
  });
}
