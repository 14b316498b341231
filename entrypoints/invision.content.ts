// InVision SCIM settings: captures the one-time token the moment it is shown.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { invisionAdapter } from '../utils/adapters/invision.source';
import { runSourceScript } from '../utils/engine/run';
import { knownIdp, likelyIdps, loadIdpHints, whereToFill } from '../utils/idp-words';

export default defineContentScript({
  matches: invisionAdapter.matches,
  runAt: 'document_idle',
  main: async (ctx) => {
    // The next stop is the IdP the person uses (the one used last, else the ones switched on), in its own words.
    const idps = likelyIdps(await loadIdpHints());
    await runSourceScript(ctx, invisionAdapter, whereToFill(idps, invisionAdapter.label), knownIdp(idps));
  },
});
