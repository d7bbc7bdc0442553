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
      phases: [{ from: '2020-W12', to: '2020-W26', name: 'Eerste golf: stilstand' }, { from: '2020-W50', to: '2021-W05', name: '' }],
      backlog: { source: 'cases', trailingWeeks: 12, termMonths: 3, projectionWeeks: 52, extraDecisions: 25.5, inflowChangePct: -10, target: 2000, targetDate: '2021-12-31', breakdown: 'hearing' },
    };
    const search = serialiseViewState(state);
    expect(search).toBe(
      '?view=files&lang=en&from=2020-W01&to=2020-W53&bfrom=2019-W01&bto=2019-W52&method=seasonal&rolling=1&panels=hearings%2Cdublin&cumfrom=2020-07-15&note=2020-09-13%3ABrief+aan+de+Kamer%3A+280+overdrachten' +
        '&bsource=cases&bweeks=12&term=3&pweeks=52&extra=25.5&inflow=-10&target=2000&tdate=2021-12-31&bby=hearing' +
        '&phase=2020-W12%2F2020-W26%3AEerste+golf%3A+stilstand&phase=2020-W50%2F2021-W05',
    );
    expect(parseViewState(search)).toEqual(state);
  });

  it('falls back to the default for anything invalid', () => {
    const state = parseViewState(
      '?lang=fr&from=2019-W53&bto=banana&method=max&ref=12&panels=inflow,nonsense&cumfrom=31-02-2020&note=2020-13-01:x&note=2020-01-01:&bsource=x&bweeks=0&term=&extra=abc&tdate=2020-02-30&bby=x',
    );
    expect(state).toEqual({ ...DEFAULT_VIEW, panels: ['inflow'] });
  });

  it('keeps an empty panel selection and an emptied phase list', () => {
    expect(parseViewState('?panels=').panels).toEqual([]);
    const noPhases = serialiseViewState({ ...DEFAULT_VIEW, phases: [] });
    expect(noPhases).toBe('?phase=');
    expect(parseViewState(noPhases).phases).toEqual([]);
  });

  it('reads a phase given back to front as the same phase, and drops one with a week that does not exist', () => {
    expect(parseViewState('?phase=2020-W37/2020-W27&phase=2019-W53/2020-W02').phases).toEqual([{ from: '2020-W27', to: '2020-W37', name: '' }]);
  });

  it('normalises week spellings', () => {
    expect(normaliseWeek('2020-w7')).toBe('2020-W07');
    expect(normaliseWeek('2020W53')).toBe('2020-W53');
    expect(normaliseWeek('2021-W53')).toBeNull();
  });
});
