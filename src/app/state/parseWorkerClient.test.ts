import { describe, expect, it } from 'vitest';
import { emptyExport } from '../../domain/parsedExport';
import type { ParseReply, ParseRequest } from '../../ingest/parse.worker';
import { ParseWorkerClient, ReaderStopped, type WorkerLike } from './parseWorkerClient';

/** A stand-in worker: records what it is sent, and answers or dies when told. */
class FakeWorker extends EventTarget implements WorkerLike {
  sent: ParseRequest[] = [];
  terminated = false;
  postMessage(message: ParseRequest) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  reply(message: ParseReply) {
    this.dispatchEvent(Object.assign(new Event('message'), { data: message }));
  }
  die(message?: string) {
    this.dispatchEvent(Object.assign(new Event('error'), message ? { message } : {}));
  }
}

const input = (name: string) => ({ name, bytes: new Uint8Array([65]), lastModified: 0 });

function client() {
  const workers: FakeWorker[] = [];
  const parser = new ParseWorkerClient(() => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker;
  });
  return { parser, workers };
}

describe('ParseWorkerClient', () => {
  it('answers each request with its own result and passes progress on', async () => {
    const { parser, workers } = client();
    const progress: number[] = [];
    const a = parser.parse(input('a.csv'), (f) => progress.push(f));
    const b = parser.parse(input('b.csv'), () => undefined);
    const [worker] = workers;
    expect(worker.sent.map((r) => r.name)).toEqual(['a.csv', 'b.csv']);
    worker.reply({ id: worker.sent[1].id, type: 'done', result: emptyExport('b.csv', 1, { date: '2020-01-01', source: 'file_name' }) });
    worker.reply({ id: worker.sent[0].id, type: 'progress', fraction: 0.5 });
    worker.reply({ id: worker.sent[0].id, type: 'failed', message: 'kapot' });
    await expect(b).resolves.toMatchObject({ name: 'b.csv' });
    await expect(a).rejects.toThrow('kapot');
    expect(progress).toEqual([0.5]);
    expect(workers).toHaveLength(1);
  });

  it('fails every request a dead worker held, and starts a new worker for the next file', async () => {
    const { parser, workers } = client();
    const a = parser.parse(input('a.csv'), () => undefined);
    const b = parser.parse(input('b.csv'), () => undefined);
    workers[0].die('out of memory');
    await expect(a).rejects.toBeInstanceOf(ReaderStopped);
    await expect(b).rejects.toThrow('out of memory');
    expect(workers[0].terminated).toBe(true);

    const c = parser.parse(input('c.csv'), () => undefined);
    expect(workers).toHaveLength(2);
    workers[1].reply({ id: workers[1].sent[0].id, type: 'done', result: emptyExport('c.csv', 1, { date: '2020-01-01', source: 'file_name' }) });
    await expect(c).resolves.toMatchObject({ name: 'c.csv' });
  });

  it('says the reader did not start when its script never loaded (a plain error event)', async () => {
    const { parser, workers } = client();
    const a = parser.parse(input('a.csv'), () => undefined);
    workers[0].die();
    await expect(a).rejects.toThrow('the reader did not start');
  });
});
