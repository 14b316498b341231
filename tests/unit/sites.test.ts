// The sites' names that content scripts carry instead of each other's adapters must say what the adapters say:
// a guide that counts "step 7 of 15" with a stale length would number its steps wrongly on the other site.
import { describe, expect, it } from 'vitest';
import { SOURCE_ADAPTERS, TARGET_ADAPTERS } from '../../utils/adapters';
import { IDP_SITES, INVISION, inListOrder } from '../../utils/adapters/sites';
import { likelyIdps, whereToFill } from '../../utils/idp-words';

describe('site names for the other side of the hand-off', () => {
  it('lists the IdPs in the adapters’ order, each with its guide’s length', () => {
    expect(IDP_SITES.map((site) => [site.id, site.label, site.path, site.guideSteps])).toEqual(
      TARGET_ADAPTERS.map((adapter) => [adapter.id, adapter.label, adapter.path, adapter.guide?.length ?? 0]),
    );
  });

  it('gives InVision’s guide length and the name IdPs give its app', () => {
    const [invision] = SOURCE_ADAPTERS;
    expect([INVISION.id, INVISION.guideSteps, INVISION.idpAppName]).toEqual([invision!.id, invision!.guide?.length, invision!.idpAppName]);
  });

  it('leads the InVision card to the same IdP and path as the popup', () => {
    for (const hints of [{ disabledSites: [] }, { lastUsed: 'entra', disabledSites: [] }, { disabledSites: ['okta'] }]) {
      expect(whereToFill(likelyIdps(hints, IDP_SITES), 'InVision')).toBe(whereToFill(likelyIdps(hints, TARGET_ADAPTERS), 'InVision'));
    }
  });

  it('keeps the order people know, and puts a new IdP that names no place in the lists after them, by id', () => {
    const sites = [{ id: 'zeta' }, { id: 'entra', listOrder: 3 }, { id: 'acme' }, { id: 'okta', listOrder: 1 }];
    expect(sites.sort(inListOrder).map((site) => site.id)).toEqual(['okta', 'entra', 'acme', 'zeta']);
    expect(IDP_SITES.map((site) => site.id)).toEqual(['okta', 'onelogin', 'entra']);
  });
});
