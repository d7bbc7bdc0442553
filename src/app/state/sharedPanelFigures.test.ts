/** The dashboard's weeks and summaries of one panel query: one statement while both are asked. */
import { describe, expect, it } from 'vitest';
import { Database, type Row } from '../../db/database';
import type { PanelQuery } from '../../metrics/panelQueries';
import { sharedPanelFigures } from './sharedPanelFigures';

/** A database that answers every statement with no rows, after `release`, and counts them. */
function countingDatabase() {
  const sent: string[] = [];
  let release = () => {};
  let gate = new Promise<void>((resolve) => (release = resolve));
  const db = new Database({
    run: async (sql: string): Promise<Row[]> => {
      sent.push(sql);
      await gate;
      return [];
    },
    insertArrowStream: async () => {},
    registerFile: async () => {},
    registerBlob: async () => {},
    dropFile: async () => {},
  });
  return { db, sent, release: () => release(), reset: () => (gate = new Promise<void>((resolve) => (release = resolve))) };
}

const query = (dataset: PanelQuery['dataset'] = 'sample'): PanelQuery => ({
  dataset,
  metrics: ['departures_total'],
  range: { first: null, last: null },
  baseline: { first: '2019-03-18', last: '2020-03-09', method: 'mean', referenceYear: 2019 },
  cumulativeFrom: '2020-06-29',
  cumulativeMetrics: [],
});

describe('sharedPanelFigures', () => {
  it('asks DuckDB once for the weeks and the summaries asked together, and again once that answer is in', async () => {
    const { db, sent, release, reset } = countingDatabase();
    const weeks = sharedPanelFigures(db, query());
    // An equal query (another object): the same answer.
    const summaries = sharedPanelFigures(db, { ...query() });
    expect(summaries).toBe(weeks);
    // Another query is its own statement.
    const user = sharedPanelFigures(db, query('user'));
    expect(user).not.toBe(weeks);
    release();
    await Promise.all([weeks, summaries, user]);
    expect(sent).toHaveLength(2);
    // Asked later (the data changed meanwhile): DuckDB is asked again, never a kept answer.
    reset();
    const later = sharedPanelFigures(db, query());
    expect(later).not.toBe(weeks);
    release();
    await later;
    expect(sent).toHaveLength(3);
  });
});
