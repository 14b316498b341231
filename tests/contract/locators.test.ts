// The locator contract tier: every row of every table (tests/contract/*.contract.ts) run through the real
// present() and pick() in Chromium, in table order (a row whose steps go on from the previous row's state
// continues on the same page). What a row expects is exact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContractBrowser } from './runner';
import { describeRow } from './table';
import { TABLES } from './tables';

let browser: ContractBrowser;
beforeAll(async () => {
  browser = await ContractBrowser.launch();
});
afterAll(async () => {
  await browser?.close();
});

for (const { file, table } of TABLES) {
  describe(file, () => {
    it.each(table.rows.map((row) => [describeRow(row), row] as const))('%s', async (_name, row) => {
      const seen = await browser.observe(table, row);
      const { present, pick, picks } = row.expect;
      expect({ present: seen.present, ...(pick === undefined ? {} : { pick: seen.pick }) }).toEqual({ present, ...(pick === undefined ? {} : { pick }) });
      if (picks !== undefined) expect(seen.picksMatch, `picked ${seen.picked}, not ${picks}`).toBe(true);
    });
  });
}
