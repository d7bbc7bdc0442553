import { describe, expect, it } from 'vitest';
import { labelRows, numberedEvents } from './events';

describe('numberedEvents', () => {
  it('numbers the events on the chart in week order, leaving out those outside it', () => {
    const markers = [
      { week: '2020-W12', label: 'Start COVID-19-crisis' },
      { week: '2020-W11', label: 'Asielprocedure opgeschort' },
      { week: '2019-W01', label: 'outside' },
      { week: '2020-W18', label: 'Procedure hervat' },
      { week: '2020-W18', label: 'Eerste telehoren' },
    ];
    expect(numberedEvents(markers, ['2020-W11', '2020-W12', '2020-W18']).map((e) => `${e.number} ${e.label}`)).toEqual([
      '1 Asielprocedure opgeschort',
      '2 Start COVID-19-crisis',
      '3 Procedure hervat',
      '4 Eerste telehoren',
    ]);
  });
});

describe('labelRows', () => {
  it('puts labels that would touch in rows of their own, and reuses a row once it is free', () => {
    expect(labelRows([{ x: 10, width: 8 }, { x: 13, width: 8 }, { x: 13, width: 8 }, { x: 40, width: 8 }])).toEqual([0, 1, 2, 0]);
    // Exactly the gap apart: the same row.
    expect(labelRows([{ x: 10, width: 8 }, { x: 20, width: 8 }])).toEqual([0, 0]);
    expect(labelRows([{ x: 10, width: 8 }, { x: 19.9, width: 8 }])).toEqual([0, 1]);
  });
});
