/**
 * Writes a parsed export into DuckDB in one transaction, so a file is stored whole or not
 * at all, and removes files or whole datasets.
 */
import { Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray, type DataType, type Vector } from 'apache-arrow';
import type { Database, SqlConnection } from './database';
import type { ParsedExport } from './parsedExport';
import { refreshWeeklySeries } from '../metrics/weeklySeries';
import { REFRESH_CURRENT, SCHEMA } from './schema';

export type Dataset = 'sample' | 'user';

export async function createSchema(db: Database): Promise<void> {
  for (const statement of SCHEMA) await db.query(statement);
}

export async function storeExport(db: Database, dataset: Dataset, parsed: ParsedExport): Promise<number> {
  return db.transaction(async (sql) => {
    const [{ id }] = (await sql.run("SELECT CAST(nextval('file_id_seq') AS INTEGER) AS id", [])) as { id: number }[];
    await sql.run(
      `INSERT INTO files VALUES (?, ?, ?, ?, CAST(? AS DATE), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id, dataset, parsed.name, parsed.sizeBytes, parsed.exportDate.date, parsed.exportDate.source,
        parsed.encoding, parsed.delimiter, parsed.layout, parsed.headerLine,
        parsed.dataLines, parsed.rowsLoaded, parsed.rejected.length, parsed.skipped.length,
        parsed.problem ? JSON.stringify(parsed.problem) : null, JSON.stringify(parsed.warnings),
      ],
    );
    const { columns, observations, customMetrics, rejected, skipped } = parsed;
    await append(sql, id, 'file_columns', 'position, header, role, metric, detail', columns.length, {
      position: [new Int32(), columns.map((c) => c.position)],
      header: [new Utf8(), columns.map((c) => c.header)],
      role: [new Utf8(), columns.map((c) => c.role)],
      metric: [new Utf8(), columns.map((c) => ('metric' in c ? c.metric : null))],
      detail: [new Utf8(), columns.map((c) => ('why' in c ? c.why : 'via' in c ? c.via : null))],
    });
    await append(sql, id, 'custom_metrics', 'metric, label', customMetrics.length, {
      metric: [new Utf8(), customMetrics.map((m) => m.id)],
      label: [new Utf8(), customMetrics.map((m) => m.label)],
    });
    await append(sql, id, 'observations', 'line, CAST(week_start AS DATE), metric, value', observations.length, {
      line: [new Int32(), observations.map((o) => o.line)],
      week_start: [new Utf8(), observations.map((o) => o.weekStart)],
      metric: [new Utf8(), observations.map((o) => o.metric)],
      value: [new Float64(), observations.map((o) => o.value)],
    });
    const reports = [
      ...rejected.map((r) => ({ ...r, outcome: 'rejected' })),
      ...skipped.map((r) => ({ ...r, outcome: 'skipped' })),
    ];
    await append(sql, id, 'line_reports', 'line, outcome, raw, reason', reports.length, {
      line: [new Int32(), reports.map((r) => r.line)],
      outcome: [new Utf8(), reports.map((r) => r.outcome)],
      raw: [new Utf8(), reports.map((r) => r.raw)],
      reason: [new Utf8(), reports.map((r) => JSON.stringify(r.reason))],
    });
    await refreshCurrent(sql);
    return id;
  });
}

/** The tables derived from the observations, rebuilt in the transaction that changed them. */
async function refreshCurrent(sql: SqlConnection): Promise<void> {
  for (const statement of REFRESH_CURRENT) await sql.run(statement, []);
  await refreshWeeklySeries(sql);
}

type ColumnData = Record<string, [DataType, unknown[]]>;

/** Appends rows to `table` for one file through an Arrow staging table (typed, no CSV quoting to get wrong). */
async function append(sql: SqlConnection, fileId: number, table: string, select: string, rows: number, data: ColumnData): Promise<void> {
  if (rows === 0) return;
  const vectors: Record<string, Vector> = {};
  for (const [name, [type, values]] of Object.entries(data)) vectors[name] = vectorFromArray(values, type);
  const staging = `staging_${table}_${fileId}`;
  await sql.insertArrowStream(staging, tableToIPC(new Table(vectors), 'stream'));
  await sql.run(`INSERT INTO ${table} SELECT ${fileId}, ${select} FROM ${staging}`, []);
  await sql.run(`DROP TABLE ${staging}`, []);
}

export async function removeFile(db: Database, fileId: number): Promise<void> {
  await db.transaction(async (sql) => {
    for (const table of ['observations', 'line_reports', 'file_columns', 'custom_metrics', 'files']) {
      await sql.run(`DELETE FROM ${table} WHERE file_id = ?`, [fileId]);
    }
    await refreshCurrent(sql);
  });
}

export async function removeDataset(db: Database, dataset: Dataset): Promise<void> {
  await db.transaction(async (sql) => {
    for (const table of ['observations', 'line_reports', 'file_columns', 'custom_metrics']) {
      await sql.run(`DELETE FROM ${table} WHERE file_id IN (SELECT file_id FROM files WHERE dataset = ?)`, [dataset]);
    }
    await sql.run('DELETE FROM files WHERE dataset = ?', [dataset]);
    await refreshCurrent(sql);
  });
}
