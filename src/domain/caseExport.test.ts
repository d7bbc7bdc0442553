import { describe, expect, it } from 'vitest';
import { defaultCaseScope, scopeRegion } from './caseExport';

describe('the region a case-level export\'s scope names', () => {
  it('is read from the default scope of a region\'s file name, capitalised as a name', () => {
    expect(scopeRegion(defaultCaseScope('IND_nareis_zaken_regio_zuid_2022-01-10.csv'))).toBe('Zuid');
    expect(scopeRegion('ind_zaken_regio_noord_oost')).toBe('Noord Oost');
    expect(scopeRegion('Regio Noord-Holland')).toBe('Noord-Holland');
  });

  it('is none for a scope without a region', () => {
    expect(scopeRegion(defaultCaseScope('zaken_2022-01-01.csv'))).toBeNull();
    expect(scopeRegion('landelijk')).toBeNull();
    expect(scopeRegion('ind_regionaal')).toBeNull();
  });
});
