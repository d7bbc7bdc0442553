import { describe, expect, it } from 'vitest';
import { exportDateOf } from './exportDate';
import { datasetName } from './parseExport';

describe('export date', () => {
  const modified = new Date(2021, 4, 3, 23, 30).getTime();

  it.each([
    ['ind_gehoren_2020-09-14.csv', '2020-09-14'],
    ['export20200914.csv', '2020-09-14'],
    ['weekcijfers 14-09-2020.csv', '2020-09-14'],
    ['v2_2021-01-04_final.csv', '2021-01-04'],
  ])('takes %j from the file name', (name, date) => {
    expect(exportDateOf(name, modified)).toEqual({ date, source: 'file_name' });
  });

  it('falls back to the modification date, as a local calendar day', () => {
    expect(exportDateOf('gehoren.csv', modified)).toEqual({ date: '2021-05-03', source: 'modified' });
    expect(exportDateOf('report_20201399.csv', modified).source).toBe('modified');
  });

  it.each([
    ['migr_asyappctzm_2020-06-01.tsv', 'migr_asyappctzm'],
    ['estat_migr_asyappctzm_en 20220111.tsv', 'migr_asyappctzm'],
    ['migr_asyappctzm.tsv', 'migr_asyappctzm'],
    ['14-09-2020_migr_asydcfstq.tsv', 'migr_asydcfstq'],
  ])('names the Eurostat dataset of %j without its release date, so releases revise one series', (name, dataset) => {
    expect(datasetName(name)).toBe(dataset);
  });
});
