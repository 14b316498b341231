// The first capture in a new browser profile is never missed: 20 fresh browsers in a row (each with its own new
// profile, the extension's worker cold), each clicking Generate token as soon as the page is there, alternately
// on the V6 modal (four clicks) and the V7 settings page (two). Before the click was watched from document_start,
// a click this early could land before the content script listened (19 of 20); before the page script looked for
// the token every 250 ms after the click, a busy machine could defer that look past the click's window (18 of 20).
import { describe, expect, it } from 'vitest';
import { generateInvisionToken, panelText, relayState, waitForPanel, waitForPhase } from '../harness/extension';
import { INVISION_PEOPLE_URL } from '../harness/sites';
import { DEFAULT_PAGES, startSession } from '../harness/session';

const V7_URL = 'https://acme.invisionapp.com/settings/scim';

const RUNS = 20;
const RUNS_TIMEOUT_MS = 400_000; // ~5 s a run on a loaded 2-core machine, with room for a slow one

describe('fresh-browser capture', () => {
  it(
    `captures the first token in ${RUNS} fresh profiles in a row`,
    async () => {
      const outcomes: { run: number; ms: number; ok: boolean; why?: string }[] = [];
      for (let run = 1; run <= RUNS; run++) {
        const v7 = run % 2 === 0;
        const session = await startSession({ pages: { ...DEFAULT_PAGES, [V7_URL]: 'invision/v7-settings-page.html' } });
        const start = Date.now();
        const page = await session.sites.open(session.ext.browser, v7 ? V7_URL : INVISION_PEOPLE_URL);
        try {
          if (v7) {
            await page.locator('::-p-text(I want to generate a new token)').click();
            await page.locator('::-p-text(Generate token)').click();
          } else {
            await generateInvisionToken(page);
          }
          const held = await waitForPhase(session.ext, 'captured', 20_000); // a loaded machine: slow, not missed
          await waitForPanel(page, new RegExp(`Token …${session.token.slice(-4)} captured`), 10_000);
          outcomes.push({ run, ms: Date.now() - start, ok: held.secret?.token === session.token });
        } catch (error) {
          // What the person would have seen, and what the relay noted: enough to tell a missed click from a missed token.
          const card = await panelText(page).catch(() => '');
          const state = (await relayState(session.ext).catch(() => undefined)) as { timeline?: { event: string }[]; click?: { at: number } } | undefined;
          // A click still on record was received but no token followed in time; none means the click was not seen.
          const click = state?.click ? `click received ${Date.now() - state.click.at} ms ago` : 'no click on record';
          const why = `${String(error).slice(0, 120)} | card: ${card.slice(0, 120)} | ${click} | ${state?.timeline?.map((e) => e.event).join(' ')}`;
          outcomes.push({ run, ms: Date.now() - start, ok: false, why });
        } finally {
          await session.close();
        }
      }
      const times = outcomes.map((o) => o.ms).sort((a, b) => a - b);
      console.info(`fresh captures: ${outcomes.filter((o) => o.ok).length}/${RUNS}; page open to captured: median ${times[RUNS >> 1]} ms, max ${times.at(-1)} ms`);
      expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    },
    RUNS_TIMEOUT_MS,
  );
});
