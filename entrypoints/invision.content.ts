// InVision SCIM settings: captures the one-time token the moment it is shown.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { invisionAdapter } from '../utils/adapters/invision.source';
import { IDP_SITES } from '../utils/adapters/sites';
import { runSourceScript, type NextStop } from '../utils/engine/run';
import { knownIdp, likelyIdps, loadIdpHints, whereToFill } from '../utils/idp-words';

async function nextStop(): Promise<NextStop> {
  const idps = likelyIdps(await loadIdpHints(), IDP_SITES);
  return { targetPath: whereToFill(idps, invisionAdapter.label), guideTarget: knownIdp(idps) };
}

export default defineContentScript({
  matches: invisionAdapter.matches,
  runAt: 'document_start', // the person's click on Generate is watched from the first moment
  // The next stop is the IdP the person uses (the one used last, else the ones switched on), in its own words.
  main: (ctx) => runSourceScript(ctx, invisionAdapter, nextStop()),
});
