// Okta admin console: fills and tests the token on the InVision app's Provisioning › Integration pane.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createInPageUi } from '../components/in-page-ui';
import { oktaAdapter } from '../utils/adapters/okta.target';
import { invisionAdapter } from '../utils/adapters/invision.source';
import { runTargetScript } from '../utils/engine/run';
import { startGuide } from '../utils/guide/guide';

export default defineContentScript({
  matches: oktaAdapter.matches,
  runAt: 'document_idle',
  main: (ctx) => runTargetScript(ctx, createInPageUi, oktaAdapter, invisionAdapter, { guide: startGuide }),
});
