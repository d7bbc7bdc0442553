/** Aliases never change a definition: headers that only look like a catalogue metric are kept as custom series, with a note. */
import { describe, expect, it } from 'vitest';
import { describeWarning } from '../i18n/describe';
import { lookalikeMetric, matchMetricHeader } from './headers';
import { parseExport } from './parseExport';

const parse = (name: string, text: string) => parseExport({ name, bytes: new TextEncoder().encode(text), lastModified: 0 });

describe('headers that look like a catalogue metric but are not it', () => {
  it.each([
    ['Vertrek', 'departures_total'],
    ['departures', 'departures_total'],
    ['Vertrek totaal', 'departures_total'],
    ['Dublin', 'dublin_transfers'],
  ])('%j is not taken as %s', (header, metric) => {
    expect(matchMetricHeader(header)).toBeNull();
    expect(lookalikeMetric(header)?.metric).toBe(metric);
  });

  it('still match where the header says what the official series is', () => {
    expect(matchMetricHeader('Aantoonbaar vertrek')?.metric).toBe('departures_total');
    expect(matchMetricHeader('Dublinoverdrachten')?.metric).toBe('dublin_transfers');
    expect(lookalikeMetric('Aantoonbaar vertrek')).toBeUndefined();
  });

  it('load as custom series with a note in the load report, in a wide and a long file', () => {
    const wide = parse('dtv_2021-01-11.csv', 'Week;Vertrek;Dublin\n2020-W50;150;12\n2020-W51;140;9\n');
    expect(wide.observations.map((o) => o.metric)).toEqual(['custom_vertrek', 'custom_dublin', 'custom_vertrek', 'custom_dublin']);
    expect(wide.warnings).toContainEqual({ code: 'lookalike_metric', header: 'Vertrek', metric: 'departures_total', reason: 'includes_unsupervised' });
    expect(wide.warnings).toContainEqual({ code: 'lookalike_metric', header: 'Dublin', metric: 'dublin_transfers', reason: 'dublin_claimants' });
    const note = describeWarning(wide.warnings.find((w) => w.code === 'lookalike_metric')!, 'nl');
    expect(note).toMatch(/“Vertrek” is als eigen reeks geladen, niet als Aantoonbaar vertrek: .*zonder toezicht/);

    const long = parse('lang_2021-01-11.csv', 'Week;Reeks;Aantal\n2020-W50;departures;150\n2020-W50;Aantoonbaar vertrek;100\n');
    expect(long.observations.map((o) => o.metric)).toEqual(['custom_departures', 'departures_total']);
    expect(long.warnings).toContainEqual({ code: 'lookalike_metric', header: 'departures', metric: 'departures_total', reason: 'includes_unsupervised' });
  });
});
