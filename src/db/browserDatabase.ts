/**
 * DuckDB-WASM in the browser, served from our own build: only the "eh" bundle is imported,
 * so the build ships one wasm file and never asks a CDN for anything.
 */
import { AsyncDuckDB, DuckDBDataProtocol, VoidLogger, type AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { Table } from 'apache-arrow';
import { Database, EngineStartError, type Row, type SqlConnection } from './database';
import { duckdbWasmUrl, duckdbWorker } from './duckdbWorker';
import { createSchema } from './schema';

export async function openBrowserDatabase(): Promise<Database> {
  try {
    return await openDatabase();
  } catch (error) {
    throw new EngineStartError(error instanceof Error ? error.message : String(error));
  }
}

async function openDatabase(): Promise<Database> {
  const duckdb = new AsyncDuckDB(new VoidLogger(), duckdbWorker);
  // Sent together: the worker's start queue (duckdbStartQueue.js) holds open and connect until the
  // wasm is instantiated and then handles them in order, without a round trip through the page's
  // thread, which is busy drawing the first view while the engine starts.
  const [, , connection] = await Promise.all([
    duckdb.instantiate(duckdbWasmUrl),
    duckdb.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } }),
    duckdb.connect(),
  ]);
  const db = new Database(new BrowserConnection(duckdb, connection));
  await createSchema(db);
  return db;
}

/** Rows per slice when a result becomes plain objects. */
const ROWS_PER_SLICE = 2000;

/**
 * A result as plain rows, a slice at a time with a pause between: decoding 50,000 rows of text in
 * one go held the page for half a second. Read column by column from each record batch, not
 * through Arrow's row objects (their toJSON): a third of the time, which a first visit's panel
 * figures (2,400 rows of 28 columns) wait for before they are confirmed.
 */
async function plainRows(table: Table): Promise<Row[]> {
  const names = table.schema.fields.map((field) => field.name);
  const plain: Row[] = new Array(table.numRows);
  let done = 0;
  let sliceEnd = ROWS_PER_SLICE;
  for (const batch of table.batches) {
    const columns = names.map((_, index) => batch.getChildAt(index)!);
    for (let i = 0; i < batch.numRows; i++, done++) {
      if (done === sliceEnd) {
        sliceEnd += ROWS_PER_SLICE;
        await yieldToPage();
      }
      const row: Row = {};
      for (let c = 0; c < names.length; c++) row[names[c]] = columns[c].get(i);
      plain[done] = row;
    }
  }
  return plain;
}

/** Gives the page its thread back for a moment (scheduler.yield keeps this task's place in line). */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

class BrowserConnection implements SqlConnection {
  constructor(
    private readonly duckdb: AsyncDuckDB,
    private readonly connection: AsyncDuckDBConnection,
  ) {}

  async run(sql: string, params: readonly unknown[]): Promise<Row[]> {
    if (params.length === 0) return plainRows(await this.connection.query(sql));
    const statement = await this.connection.prepare(sql);
    try {
      return plainRows(await statement.query(...params));
    } finally {
      // Not waited for: DuckDB's worker handles messages in order, so the next statement comes after
      // the close anyway, and a round trip to the page's thread (busy drawing at start-up) is saved.
      // A close that fails leaves an unused prepared statement behind, nothing more.
      statement.close().catch(() => undefined);
    }
  }

  async insertArrowStream(table: string, ipc: Uint8Array): Promise<void> {
    await this.connection.insertArrowFromIPCStream(ipc, { name: table, create: true });
  }

  async registerFile(name: string, bytes: Uint8Array): Promise<void> {
    await this.duckdb.registerFileBuffer(name, bytes);
  }

  async registerBlob(name: string, blob: Blob): Promise<void> {
    // The File crosses to DuckDB's worker without its bytes, which it reads there (FileReaderSync) as read_csv asks.
    await this.duckdb.registerFileHandle(name, blob, DuckDBDataProtocol.BROWSER_FILEREADER, true);
  }

  async dropFile(name: string): Promise<void> {
    await this.duckdb.dropFile(name);
  }
}
