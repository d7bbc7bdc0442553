/**
 * The one door to DuckDB. The browser (AsyncDuckDB in a worker) and the tests (DuckDB-WASM's
 * blocking Node build) each supply a SqlConnection; everything else talks to a Database.
 */
import { bindNamed } from './sql';

export type Row = Record<string, unknown>;

export interface SqlConnection {
  run(sql: string, params: readonly unknown[]): Promise<Row[]>;
  /** Creates `table` from an Arrow IPC stream. */
  insertArrowStream(table: string, ipc: Uint8Array): Promise<void>;
  /** Makes `bytes` readable by DuckDB's file functions (read_csv) as `name`; the buffer may be taken over. */
  registerFile(name: string, bytes: Uint8Array): Promise<void>;
  /** Makes a file of the user's readable as `name` without reading it here: DuckDB reads its bytes on its own thread, as it needs them. */
  registerBlob(name: string, blob: Blob): Promise<void>;
  dropFile(name: string): Promise<void>;
}

/** A query with `$name` parameters (see bindNamed) on a connection, as inside a transaction. */
export function runNamed<T = Row>(connection: SqlConnection, sql: string, values: Record<string, unknown>): Promise<T[]> {
  const bound = bindNamed(sql, values);
  return connection.run(bound.sql, bound.params) as Promise<T[]>;
}

/** DuckDB did not start (its wasm not found, not served as wasm, or refused): no figure can be computed. */
export class EngineStartError extends Error {
  constructor(readonly detail: string) {
    super(`DuckDB could not start: ${detail}`);
    this.name = 'EngineStartError';
  }
}

export class Database {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly underWay = new Map<string, Promise<unknown>>();
  private lastFileId = 0;

  constructor(private readonly connection: SqlConnection) {}

  /**
   * `count` new file ids, in order, never given before in this database (the page has one). Counted
   * here, not by a DuckDB sequence: its first nextval cost a first visit 17 ms and a round trip.
   * Like a sequence's, an id taken by a store that then fails is not given again.
   */
  newFileIds(count: number): number[] {
    return Array.from({ length: count }, () => ++this.lastFileId);
  }

  /**
   * One answer for everyone who asks under `key` while `read` is under way: queries asked together
   * (as a view's hooks are, at start-up and after each store) cost DuckDB one statement. Asked
   * again once it is in, `read` runs again, as the data may have changed since.
   */
  shared<T>(key: string, read: () => Promise<T>): Promise<T> {
    let answer = this.underWay.get(key) as Promise<T> | undefined;
    if (!answer) {
      answer = read();
      this.underWay.set(key, answer);
      const forget = () => this.underWay.delete(key);
      answer.then(forget, forget);
    }
    return answer;
  }

  query<T = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.exclusive(() => this.connection.run(sql, params) as Promise<T[]>);
  }

  /** A query with `$name` parameters (see bindNamed). */
  queryNamed<T = Row>(sql: string, values: Record<string, unknown>): Promise<T[]> {
    const bound = bindNamed(sql, values);
    return this.query<T>(bound.sql, bound.params);
  }

  /**
   * Runs `work` alone on the connection inside a transaction: no other query interleaves,
   * so readers never see half a file, and a failure leaves the data as it was.
   */
  transaction<T>(work: (connection: SqlConnection) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      await this.connection.run('BEGIN TRANSACTION', []);
      try {
        const result = await work(this.connection);
        await this.connection.run('COMMIT', []);
        return result;
      } catch (error) {
        // The failure the user needs is the first one: a ROLLBACK that fails too is added to it, never put in its place.
        await this.connection.run('ROLLBACK', []).catch((rollbackError: unknown) => {
          if (error instanceof Error) error.message += ` (ROLLBACK failed too: ${rollbackError instanceof Error ? rollbackError.message : String(rollbackError)})`;
        });
        throw error;
      }
    });
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task, task);
    this.tail = run.catch(() => undefined);
    return run;
  }
}
