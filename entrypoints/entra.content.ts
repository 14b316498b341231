// Microsoft Entra ID: fills Tenant URL and Secret Token on the InVision app's Provisioning blade and tests them.
// Runs in every frame because the blade may be framed; utils/engine/frames.ts decides which frame may act.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { entraAdapter } from '../utils/adapters/entra.target';
import { INVISION } from '../utils/adapters/sites';
import { chooser } from '../utils/engine/choose';
import { answerVouches } from '../utils/engine/frames-vouch';
import { runTargetScript } from '../utils/engine/run';
import { startGuide } from '../utils/guide/guide';

export default defineContentScript({
  matches: [...entraAdapter.matches, ...entraAdapter.frames!.matches],
  allFrames: true,
  runAt: 'document_idle',
  main: (ctx) => {
    // Only the top frame is ever asked: it vouches for its blade frames where the browser cannot list ancestors.
    if (window === window.top) answerVouches(ctx, entraAdapter);
    return runTargetScript(ctx, entraAdapter, INVISION, { chooser, guide: startGuide }); // Provisioning Mode is a choice
  },
});
