// A user-defined token source: registered at run time (utils/custom-sources/scripts.ts) only on origins the user
// granted, it reads that origin's description from the settings and runs the same source engine as InVision.
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { IDP_SITES } from '../utils/adapters/sites';
import { CUSTOM_SOURCES_KEY, parseCustomSources, toAdapter } from '../utils/custom-sources/sources';
import { runSourceScript } from '../utils/engine/run';
import { t } from '../utils/i18n';

export default defineContentScript({
  registration: 'runtime',
  matches: [],
  runAt: 'document_start', // as registered (utils/custom-sources/scripts.ts)
  main: async (ctx) => {
    const { sources } = parseCustomSources((await browser.storage.local.get(CUSTOM_SOURCES_KEY))[CUSTOM_SOURCES_KEY]);
    const source = sources.find((s) => new URL(s.origin).origin === location.origin);
    if (!source || ctx.isInvalid) return;
    const targets = IDP_SITES.map((idp) => idp.label).join(', ');
    runSourceScript(ctx, toAdapter(source), Promise.resolve({ targetPath: t('csTargetPath', source.appName ?? source.label, targets) }));
  },
});
