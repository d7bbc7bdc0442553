import { splitSeriesId } from '../../domain/grain';
import type { PanelDefinition } from '../../domain/panels';

export interface ShownPanel {
  panel: PanelDefinition;
  /** For a series split by dimensions: every combination of its metric, the panel's choice among them. */
  combinations: { key: string; dimensions: string[] }[];
}

/**
 * The panels as shown: a metric's series split by dimensions ("asylum_first|Syrisch|Mannen") share
 * one place, showing the chosen combination (or the first), with the others as its options.
 */
export function pickCombinations(panels: PanelDefinition[], chosen: Record<string, string>): ShownPanel[] {
  const split = new Map<string, PanelDefinition[]>();
  for (const panel of panels) {
    const { metric, dimensions } = splitSeriesId(panel.id);
    if (dimensions.length) split.set(metric, [...(split.get(metric) ?? []), panel]);
  }
  const out: ShownPanel[] = [];
  for (const panel of panels) {
    const { metric, dimensions } = splitSeriesId(panel.id);
    if (!dimensions.length) {
      out.push({ panel, combinations: [] });
      continue;
    }
    const group = split.get(metric)!;
    if (group[0] !== panel) continue;
    const combinations = group.map((p) => ({ key: splitSeriesId(p.id).dimensions.join('|'), dimensions: splitSeriesId(p.id).dimensions }));
    out.push({ panel: group.find((p) => splitSeriesId(p.id).dimensions.join('|') === chosen[metric]) ?? group[0], combinations });
  }
  return out;
}

