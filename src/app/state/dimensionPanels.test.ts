import { describe, expect, it } from 'vitest';
import { customPanel, PANELS } from '../../domain/panels';
import { pickCombinations } from './dimensionPanels';

const panels = [PANELS[0], customPanel('asylum_first|Syrisch|Mannen', 'Eerste asielaanvragen · Syrisch · Mannen'), customPanel('asylum_first|Syrisch|Vrouwen', 'Eerste asielaanvragen · Syrisch · Vrouwen'), customPanel('custom_x', 'X')];

describe('panels of series split by dimensions', () => {
  it('share one place per metric, showing the first combination until another is picked', () => {
    const shown = pickCombinations(panels, {});
    expect(shown.map((s) => s.panel.id)).toEqual(['inflow', 'asylum_first|Syrisch|Mannen', 'custom_x']);
    expect(shown[1].combinations).toEqual([
      { key: 'Syrisch|Mannen', dimensions: ['Syrisch', 'Mannen'] },
      { key: 'Syrisch|Vrouwen', dimensions: ['Syrisch', 'Vrouwen'] },
    ]);
    expect(shown[0].combinations).toEqual([]);
  });

  it('show the picked combination', () => {
    const shown = pickCombinations(panels, { asylum_first: 'Syrisch|Vrouwen' });
    expect(shown[1].panel).toMatchObject({ id: 'asylum_first|Syrisch|Vrouwen', title: { nl: 'Eerste asielaanvragen · Syrisch · Vrouwen' } });
  });
});
