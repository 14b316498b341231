// OneLogin admin: fills SCIM Bearer Token on the InVision app's Configuration tab and clicks Enable (the test).
import { defineContentScript } from 'wxt/utils/define-content-script';
import { oneloginAdapter } from '../utils/adapters/onelogin.target';
import { INVISION } from '../utils/adapters/sites';
import { runTargetScript } from '../utils/engine/run';
import { startGuide } from '../utils/guide/guide';

export default defineContentScript({
  matches: oneloginAdapter.matches,
  runAt: 'document_idle',
  main: (ctx) => runTargetScript(ctx, oneloginAdapter, INVISION, { guide: startGuide }),
});
