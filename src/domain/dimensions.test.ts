import { describe, expect, it } from 'vitest';
import { isCountry, isTotalMember, seriesLabel } from './dimensions';

describe('dimensions', () => {
  it.each(['Totaal', 'Totaal nationaliteiten', 'Totaal mannen en vrouwen', 'Total', 'TOTAL', 'totaal leeftijd', 'T001038'])('takes "%s" for the total member', (v) => expect(isTotalMember(v)).toBe(true));
  it.each(['Syrisch', 'Mannen', '0 tot 5 jaar', 'Totalitair', 'T', 'TR'])('takes "%s" for a member of its own', (v) => expect(isTotalMember(v)).toBe(false));
  it('takes Eurostat\'s sex code T for the total only under a sex header', () => {
    expect(isTotalMember('T', 'sex')).toBe(true);
    expect(isTotalMember('T', 'citizen')).toBe(false);
  });
  it('labels a split series by its values, the total by its name alone', () => {
    expect(seriesLabel('Eerste asielaanvragen', ['Syrisch', 'Mannen'])).toBe('Eerste asielaanvragen · Syrisch · Mannen');
    expect(seriesLabel('Eerste asielaanvragen', [])).toBe('Eerste asielaanvragen');
  });
  it('matches the Netherlands by code or name, other countries exactly', () => {
    expect(['NL', 'nl', 'Netherlands', 'Nederland', 'The Netherlands'].every((c) => isCountry(c, 'NL'))).toBe(true);
    expect(isCountry('BE', 'NL')).toBe(false);
    expect(isCountry('EU27_2020', 'NL')).toBe(false);
    expect(isCountry('BE', 'BE')).toBe(true);
    expect(isCountry('Belgium', 'BE')).toBe(false);
  });
});
