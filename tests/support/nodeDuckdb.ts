/**
 * Real DuckDB-WASM for tests under Node (the blocking build), behind the same Database the
 * app uses. Arrow crosses as an IPC stream because the CommonJS build carries its own Arrow.
 */
import { createDuckDB, NODE_RUNTIME, VoidLogger, type DuckDBBindings, type DuckDBConnection } from '@duckdb/duckdb-wasm/blocking';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Database, type Row, type SqlConnection } from '../../src/db/database';
import { createSchema } from '../../src/db/schema';

const dist = path.dirname(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/blocking'));

export async function openTestDatabase(): Promise<Database> {
  const bundles = {
    mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: '' },
    eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: '' },
  };
  const duckdb = await createDuckDB(bundles, new VoidLogger(), NODE_RUNTIME);
  await duckdb.instantiate();
  duckdb.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  const db = new Database(new NodeConnection(duckdb, duckdb.connect()));
  await createSchema(db);
  return db;
}

class NodeConnection implements SqlConnection {
  constructor(
    private readonly duckdb: DuckDBBindings,
    private readonly connection: DuckDBConnection,
  ) {}

  async run(sql: string, params: readonly unknown[]): Promise<Row[]> {
    if (params.length === 0) return this.connection.query(sql).toArray().map((r) => r.toJSON());
    const statement = this.connection.prepare(sql);
    try {
      return statement.query(...params).toArray().map((r) => r.toJSON());
    } finally {
      statement.close();
    }
  }

  async insertArrowStream(table: string, ipc: Uint8Array): Promise<void> {
    this.connection.insertArrowFromIPCStream(ipc, { name: table, create: true });
  }

  async registerFile(name: string, bytes: Uint8Array): Promise<void> {
    this.duckdb.registerFileBuffer(name, bytes);
  }

  /** Node's DuckDB has no browser file reader: the Blob's bytes are registered instead. */
  async registerBlob(name: string, blob: Blob): Promise<void> {
    this.duckdb.registerFileBuffer(name, new Uint8Array(await blob.arrayBuffer()));
  }

  async dropFile(name: string): Promise<void> {
    this.duckdb.dropFile(name);
  }
}
