// Where a source's card sends the token next: the IdP the person uses (the one used last, else the ones switched
// on), in its own words. Takes the IdPs' names only (sites.ts), never their adapters: it runs in source scripts.
import type { NextStop } from '../engine/run';
import { knownIdp, likelyIdps, loadIdpHints, whereToFill } from '../idp-words';
import { IDP_SITES } from './sites';

export async function nextStop(appName: string): Promise<NextStop> {
  const idps = likelyIdps(await loadIdpHints(), IDP_SITES);
  return { targetPath: whereToFill(idps, appName), guideTarget: knownIdp(idps) };
}
