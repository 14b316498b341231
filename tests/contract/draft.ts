// Drafts the rows tables.test.ts says are missing, from what the real locator code finds today: each control no
// row checks, observed in every page state the adapter's rows already visit, and every control on a listed
// fixture no row loads yet (at the table's url). A draft records what is, not what should be: check each count
// against the fixture before pasting a row into the table.
//   npx tsx tests/contract/draft.ts <adapter id>
import { inspect } from 'node:util';
import { ADAPTERS, adapterById } from '../../utils/adapters';
import { ContractBrowser } from './runner';
import { ACTED_ON, controlPaths, uncheckedControls, type AdapterContract, type ContractRow } from './table';
import { listedPages, rowsOf, TABLES } from './tables';

type State = Omit<ContractRow, 'control' | 'expect'>;

const adapter = adapterById(process.argv[2] ?? '');
if (!adapter) {
  console.error(`usage: npx tsx tests/contract/draft.ts <${ADAPTERS.map((a) => a.id).join('|')}>`);
  process.exit(2);
}
const table = TABLES.find(({ file }) => file === `${adapter.id}.contract.ts`)?.table;
if (!table) {
  console.error(`first create tests/contract/${adapter.id}.contract.ts with the adapter and the url its fixtures are served at`);
  process.exit(2);
}

/** The page states the table's rows visit, each once, without the keys a row leaves out. */
function statesOf(rows: readonly ContractRow[]): State[] {
  const states = new Map<string, State>();
  for (const { fixture, url, frames, inFrame, inject, before } of rows) {
    const given = Object.entries({ url, frames, inFrame, inject, before }).filter(([, value]) => value !== undefined);
    const state: State = { fixture, ...Object.fromEntries(given) };
    states.set(JSON.stringify(state), state);
  }
  return [...states.values()];
}

async function observe(browser: ContractBrowser, table: AdapterContract, state: State, control: string): Promise<ContractRow> {
  const seen = await browser.observe(table, { ...state, control, expect: { present: 0 } });
  const pick = ACTED_ON.test(control) && seen.present > 0 ? { pick: seen.pick as ContractRow['expect']['pick'] } : {};
  return { ...state, control, expect: { present: seen.present, ...pick } };
}

/** Where the control is found says something about its locators: the first such row per fixture, else one row. */
function informative(rows: ContractRow[]): ContractRow[] {
  const found = rows.filter((row) => row.expect.present > 0);
  return found.length ? found.filter((row, i) => found.findIndex((other) => other.fixture === row.fixture) === i) : rows.slice(0, 1);
}

const rows = rowsOf(adapter);
const unchecked = uncheckedControls(adapter, rows);
const visited = new Set(rows.flatMap((row) => [row.fixture, ...Object.values(row.frames ?? {})]));
const newFixtures = listedPages(adapter).filter((fixture) => !visited.has(fixture));
const drafts: ContractRow[] = [];
if (unchecked.length || newFixtures.length) {
  const browser = await ContractBrowser.launch();
  try {
    for (const control of unchecked) {
      const seen: ContractRow[] = [];
      for (const state of statesOf(table.rows)) seen.push(await observe(browser, table, state, control));
      drafts.push(...informative(seen));
    }
    for (const fixture of newFixtures) {
      const seen: ContractRow[] = [];
      for (const control of controlPaths(adapter)) seen.push(await observe(browser, table, { fixture }, control));
      drafts.push(...informative(seen));
    }
  } finally {
    await browser.close();
  }
}
console.log(drafts.map((row) => `    ${inspect(row, { depth: null, breakLength: Infinity })},`).join('\n') || 'Nothing missing.');
