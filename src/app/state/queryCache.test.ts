import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StoredFile } from '../../db/fileStore';

// The real engine starts DuckDB in a browser worker; these tests need none.
vi.mock('./engine', () => ({ engine: new Promise(() => {}), storing: () => false, whenStored: () => Promise.resolve() }));
// No stored files (and no IndexedDB under Node: no kept cache either).
vi.mock('../../db/fileStore', async (importOriginal) => ({ ...(await importOriginal<object>()), restoreFiles: async () => ({ files: [], unreadable: [] }) }));
const { checkingFigures, confirmFigures, datasetFingerprint, drawFromCache, fileStamps, sameFigures } = await import('./queryCache');

const file = (key: number, name: string, text: string, lastModified = 0): StoredFile => ({ key, name, lastModified, content: new Blob([text]) });

describe('the cache fingerprint', () => {
  const a = file(1, 'IND_asiel_2024-03-04.csv', 'Week;Instroom\n2024-W09;100\n');
  const b = file(2, 'gehoren_2024-03-04.csv', 'Week;Gehoren fysiek\n2024-W09;40\n');

  it('is the build and each file by name, content hash and export date, in load order', async () => {
    const stamps = await fileStamps([a, b]);
    expect(stamps.map((s) => [s.name, s.exportDate])).toEqual([
      ['IND_asiel_2024-03-04.csv', '2024-03-04'],
      ['gehoren_2024-03-04.csv', '2024-03-04'],
    ]);
    expect(stamps[0].contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(datasetFingerprint('build-1', stamps)).toBe(datasetFingerprint('build-1', await fileStamps([file(1, a.name, 'Week;Instroom\n2024-W09;100\n'), b])));
  });

  it('changes when a file is added, removed or revised, with the export date, the order or the build', async () => {
    const base = datasetFingerprint('build-1', await fileStamps([a, b]));
    const variants = [
      await fileStamps([a, b, file(3, 'vertrek_2024-03-04.csv', 'week;Aantoonbaar vertrek\n2024-W09;7\n')]), // added
      await fileStamps([a]), // removed
      await fileStamps([a, file(4, b.name, 'Week;Gehoren fysiek\n2024-W09;41\n')]), // revised: same name, other bytes
      await fileStamps([a, file(5, 'gehoren.csv', 'Week;Gehoren fysiek\n2024-W09;40\n', Date.UTC(2024, 2, 11, 12))]), // renamed
      await fileStamps([b, a]), // other order: a later export may win
    ];
    for (const stamps of variants) expect(datasetFingerprint('build-1', stamps)).not.toBe(base);
    expect(datasetFingerprint('build-2', await fileStamps([a, b]))).not.toBe(base);
    // Without a date in the name, the export date is the day the file was last modified.
    const undated = (lastModified: number) => fileStamps([file(6, 'gehoren.csv', 'x', lastModified)]).then((s) => s[0].exportDate);
    expect(await undated(Date.UTC(2024, 2, 11, 12))).toBe('2024-03-11');
    expect(await undated(Date.UTC(2024, 2, 12, 12))).toBe('2024-03-12');
  });

  it('uses the hash kept with a file at save time, without reading its bytes, and it is the hash of those bytes', async () => {
    const { contentHashOf } = await import('../../db/fileStore');
    const text = 'Week;Telehoren\n2024-W09;12\n';
    const kept = { ...file(7, 'gehoren_2024-03-04.csv', text), contentHash: await contentHashOf(new Blob([text])) };
    // A record kept before hashes were: its bytes are hashed at start.
    expect((await fileStamps([kept]))[0].contentHash).toBe((await fileStamps([file(8, kept.name, text)]))[0].contentHash);
    const unreadable = new Blob([text]);
    unreadable.arrayBuffer = () => Promise.reject(new Error('start-up must not read a file whose hash was kept'));
    expect((await fileStamps([{ ...file(9, kept.name, ''), content: unreadable, contentHash: kept.contentHash }]))[0].contentHash).toBe(kept.contentHash);
  });
});

describe('figures compared', () => {
  it('equal when the same plain data, whatever the key order or an undefined field', () => {
    expect(sameFigures([{ week: '2020-W27', value: 412, note: undefined }], [{ value: 412, week: '2020-W27' }])).toBe(true);
    expect(sameFigures([{ week: '2020-W27', value: 412 }], [{ week: '2020-W27', value: 413 }])).toBe(false);
    expect(sameFigures([{ value: null }], [{ value: 0 }])).toBe(false);
    expect(sameFigures([1, 2], [1, 2, 3])).toBe(false);
    expect(sameFigures({ 0: 1 }, [1])).toBe(false);
  });
});

describe('confirming figures drawn from a cache', () => {
  afterEach(() => vi.restoreAllMocks());

  async function startWith(queries: { queryKey: unknown[]; data: unknown }[]) {
    const client = new QueryClient();
    await drawFromCache(client, async () => ({ build: 'dev', queries }));
    return client;
  }

  it('marks drawn figures stale, keeps DuckDB answers that match, and replaces and logs one that differs', async () => {
    // No stored files: the build's own sample figures are drawn.
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const client = await startWith([
      { queryKey: ['metrics', 'sample'], data: [{ metric: 'asylum_first' }] },
      { queryKey: ['weekRange', 'sample'], data: { first: '2019-01-07', last: '2021-12-27' } },
    ]);
    error.mockClear(); // the persist package's own report (outside production) that Node has no IndexedDB
    expect(client.getQueryData(['metrics', 'sample'])).toEqual([{ metric: 'asylum_first' }]);
    expect(client.getQueryCache().find({ queryKey: ['metrics', 'sample'] })?.isStale()).toBe(true);

    // The same figures: the shown object itself, so nothing on screen is drawn again.
    const shownMetrics = client.getQueryData(['metrics', 'sample']);
    expect(confirmFigures(['metrics', 'sample'], [{ metric: 'asylum_first' }], client)).toBe(shownMetrics);
    expect(error).not.toHaveBeenCalled();

    const fresh = { first: '2019-01-07', last: '2022-01-03' };
    expect(confirmFigures(['weekRange', 'sample'], fresh, client)).toBe(fresh);
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0][0])).toContain('weekRange');

    // Confirmed once: later answers (after the user's changes) are DuckDB's own, not checked again.
    confirmFigures(['weekRange', 'sample'], { first: null, last: null }, client);
    expect(error).toHaveBeenCalledTimes(1);
  });

  it('holds the status while a view shows an unconfirmed figure, not for a query its view keeps disabled', async () => {
    const client = await startWith([{ queryKey: ['panelWeeks', 'user-without-weeks'], data: [] }]);
    const pending = () => new Promise<never>(() => {});
    const disabled = new QueryObserver(client, { queryKey: ['panelWeeks', 'user-without-weeks'], queryFn: pending, enabled: false });
    const stopDisabled = disabled.subscribe(() => {});
    // Never asked (so never confirmed), and shown by no one that waits for it: the status is not held up.
    expect(checkingFigures()).toBe(false);
    const shown = new QueryObserver(client, { queryKey: ['panelWeeks', 'user-without-weeks'], queryFn: pending });
    const stopShown = shown.subscribe(() => {});
    expect(checkingFigures()).toBe(true);
    stopShown();
    stopDisabled();
    expect(checkingFigures()).toBe(false);
  });
});
