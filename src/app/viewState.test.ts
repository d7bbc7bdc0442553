import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, normaliseWeek, parseViewState, serialiseViewState, type ViewState } from './viewState';

describe('view state in the URL', () => {
  it('opens on the defaults without parameters, and writes none for them', () => {
    expect(parseViewState('')).toEqual(DEFAULT_VIEW);
    expect(serialiseViewState(DEFAULT_VIEW)).toBe('');
  });

  it('round-trips every setting', () => {
    const state: ViewState = {
      view: 'files',
      lang: 'en',
      from: '2020-W01',
      to: '2020-W53',
      baselineFrom: '2019-W01',
      baselineTo: '2019-W52',
      method: 'seasonal',
      referenceYear: 2019,
      rolling: true,
      panels: ['hearings', 'dublin'],
      cumulativeFrom: '2020-07-15',
      notes: [{ date: '2020-09-13', text: 'Brief aan de Kamer: 280 overdrachten' }],
    };
    const search = serialiseViewState(state);
    expect(search).toBe(
      '?view=files&lang=en&from=2020-W01&to=2020-W53&bfrom=2019-W01&bto=2019-W52&method=seasonal&rolling=1&panels=hearings%2Cdublin&cumfrom=2020-07-15&note=2020-09-13%3ABrief+aan+de+Kamer%3A+280+overdrachten',
    );
    expect(parseViewState(search)).toEqual(state);
  });

  it('falls back to the default for anything invalid', () => {
    const state = parseViewState('?lang=fr&from=2019-W53&bto=banana&method=max&ref=12&panels=inflow,nonsense&cumfrom=31-02-2020&note=2020-13-01:x&note=2020-01-01:');
    expect(state).toEqual({ ...DEFAULT_VIEW, panels: ['inflow'] });
  });

  it('keeps an empty panel selection', () => {
    expect(parseViewState('?panels=').panels).toEqual([]);
  });

  it('normalises week spellings', () => {
    expect(normaliseWeek('2020-w7')).toBe('2020-W07');
    expect(normaliseWeek('2020W53')).toBe('2020-W53');
    expect(normaliseWeek('2021-W53')).toBeNull();
  });
});
