/**
 * DuckDB-WASM in the browser, served from our own build: only the "eh" bundle is imported,
 * so the build ships one wasm file and never asks a CDN for anything.
 */
import { AsyncDuckDB, VoidLogger, type AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import { Database, type Row, type SqlConnection } from './database';
import { createSchema } from './schema';

export async function openBrowserDatabase(): Promise<Database> {
  const duckdb = new AsyncDuckDB(new VoidLogger(), new Worker(workerUrl));
  await duckdb.instantiate(wasmUrl);
  await duckdb.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  const db = new Database(new BrowserConnection(duckdb, await duckdb.connect()));
  await createSchema(db);
  return db;
}

class BrowserConnection implements SqlConnection {
  constructor(
    private readonly duckdb: AsyncDuckDB,
    private readonly connection: AsyncDuckDBConnection,
  ) {}

  async run(sql: string, params: readonly unknown[]): Promise<Row[]> {
    if (params.length === 0) return (await this.connection.query(sql)).toArray().map((r) => r.toJSON());
    const statement = await this.connection.prepare(sql);
    try {
      return (await statement.query(...params)).toArray().map((r) => r.toJSON());
    } finally {
      await statement.close();
    }
  }

  async insertArrowStream(table: string, ipc: Uint8Array): Promise<void> {
    await this.connection.insertArrowFromIPCStream(ipc, { name: table, create: true });
  }

  async registerFile(name: string, bytes: Uint8Array): Promise<void> {
    await this.duckdb.registerFileBuffer(name, bytes);
  }

  async dropFile(name: string): Promise<void> {
    await this.duckdb.dropFile(name);
  }
}
