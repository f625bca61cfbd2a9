import { describe, expect, it } from 'vitest';
import { can, STAFF_ACTIONS } from '../../../main/domain/permissions.ts';

describe('what a staff role may do', () => {
  it.each([
    ['changeTradingTerms', { admin: true, rep: false }],
    ['decideTermsProposals', { admin: true, rep: false }],
    ['changeShareLinkSettings', { admin: true, rep: false }],
    ['terminateAllShareLinks', { admin: true, rep: false }],
    ['changeHubAddress', { admin: true, rep: false }],
    ['changeAnySelection', { admin: true, rep: false }],
    ['importCatalog', { admin: true, rep: false }],
  ] as const)('%s: %j', (action, expected) => {
    expect({ admin: can('admin', action), rep: can('rep', action) }).toEqual(expected);
  });

  it('names every action in the table above', () => {
    expect([...STAFF_ACTIONS].sort()).toEqual(
      [
        'changeAnySelection',
        'changeHubAddress',
        'changeShareLinkSettings',
        'changeTradingTerms',
        'decideTermsProposals',
        'importCatalog',
        'terminateAllShareLinks',
      ].sort(),
    );
  });
});
