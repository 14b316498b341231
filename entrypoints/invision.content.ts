// InVision SCIM settings: captures the one-time token the moment it is shown.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { invisionAdapter } from '../utils/adapters/invision.source';
import { oktaAdapter } from '../utils/adapters/okta.target';
import { runSourceScript } from '../utils/engine/run';

export default defineContentScript({
  matches: invisionAdapter.matches,
  runAt: 'document_start', // the person's click on Generate is watched from the first moment
  main: (ctx) => runSourceScript(ctx, invisionAdapter, `${oktaAdapter.label}: ${oktaAdapter.path}`, oktaAdapter),
});
