/**
 * The client of the parse worker (src/ingest/parse.worker.ts): one request per file, answered
 * by progress and then a result. A worker that dies (its script fails to load, it runs out of
 * memory, an error escapes it) fails every request it holds, and the next request starts a new
 * worker: a file's reading always ends, so the load queue and the query gate never stay closed.
 */
import type { ParsedExport } from '../../domain/parsedExport';
import type { ParseReply, ParseRequest } from '../../ingest/parse.worker';

/** What of a Worker the client uses (a test passes a stand-in). */
export type WorkerLike = Pick<Worker, 'postMessage' | 'terminate' | 'addEventListener'>;

/** The worker stopped before it answered: not a fault of the file. */
export class ReaderStopped extends Error {
  name = 'ReaderStopped';
}

interface Pending {
  resolve: (parsed: ParsedExport) => void;
  reject: (error: Error) => void;
  onProgress: (fraction: number) => void;
}

export class ParseWorkerClient {
  private worker: WorkerLike | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly start: () => WorkerLike) {}

  parse(input: Omit<ParseRequest, 'id'>, onProgress: (fraction: number) => void): Promise<ParsedExport> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      try {
        this.running().postMessage({ id, ...input } satisfies ParseRequest, [input.bytes.buffer]);
      } catch (error) {
        this.pending.delete(id);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  private running(): WorkerLike {
    if (this.worker) return this.worker;
    const worker = this.start();
    worker.addEventListener('message', (event: MessageEvent<ParseReply>) => {
      const reply = event.data;
      const request = this.pending.get(reply.id);
      if (!request) return;
      if (reply.type === 'progress') return request.onProgress(reply.fraction);
      this.pending.delete(reply.id);
      if (reply.type === 'done') request.resolve(reply.result);
      else request.reject(new Error(reply.message));
    });
    // A script that does not load fires a plain Event; an error escaping the worker an ErrorEvent.
    worker.addEventListener('error', (event: Event) => {
      const message = (event as Partial<ErrorEvent>).message;
      this.stopped(worker, typeof message === 'string' && message !== '' ? message : null);
    });
    worker.addEventListener('messageerror', () => this.stopped(worker, 'a message could not be read'));
    this.worker = worker;
    return worker;
  }

  /** Fails what the dead worker held; the next file gets a new one. */
  private stopped(worker: WorkerLike, message: string | null): void {
    if (this.worker !== worker) return;
    this.worker = null;
    worker.terminate();
    const held = [...this.pending.values()];
    this.pending.clear();
    for (const request of held) request.reject(new ReaderStopped(message ?? 'the reader did not start'));
  }
}
