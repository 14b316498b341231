// Microsoft Entra ID: fills Tenant URL and Secret Token on the InVision app's Provisioning blade and tests them.
// Runs in every frame because the blade may be framed; utils/engine/frames.ts decides which frame may act.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { entraAdapter } from '../utils/adapters/entra.target';
import { invisionAdapter } from '../utils/adapters/invision.source';
import { runTargetScript } from '../utils/engine/run';

export default defineContentScript({
  matches: [...entraAdapter.matches, ...entraAdapter.frames!.matches],
  allFrames: true,
  runAt: 'document_idle',
  main: (ctx) => runTargetScript(ctx, entraAdapter, invisionAdapter),
});
