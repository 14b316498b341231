// Okta admin console: fills and tests the token on the InVision app's Provisioning › Integration pane.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { oktaAdapter } from '../utils/adapters/okta.target';
import { INVISION } from '../utils/adapters/sites';
import { runTargetScript } from '../utils/engine/run';
import { startGuide } from '../utils/guide/guide';

export default defineContentScript({
  matches: oktaAdapter.matches,
  runAt: 'document_idle',
  main: (ctx) => runTargetScript(ctx, oktaAdapter, INVISION, { guide: startGuide }),
});
