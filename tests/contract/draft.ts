// Drafts the rows tables.test.ts says are missing, from what the real locator code finds today: each control no
// row checks, observed in every page state the adapter's rows already visit, and every control on a listed
// fixture no row loads yet (at the table's url). A draft records what is, not what should be: check each count
// against the fixture before pasting a row into the table.
//   npx tsx tests/contract/draft.ts <adapter id>
import { inspect } from 'node:util';
import { ADAPTERS, adapterById } from '../../utils/adapters';
import { ContractBrowser } from './runner';
import { ACTED_ON, controlPaths, uncheckedControls, type ContractRow } from './table';
import { rowsOf, TABLES } from './tables';

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

const rows = rowsOf(adapter);
type State = Omit<ContractRow, 'control' | 'expect'>;
const states = new Map<string, State>();
for (const { fixture, url, frames, inFrame, inject, before } of table.rows) {
  const given = Object.entries({ url, frames, inFrame, inject, before }).filter(([, value]) => value !== undefined);
  const state: State = { fixture, ...Object.fromEntries(given) };
  states.set(JSON.stringify(state), state);
}
const visited = new Set(rows.flatMap((row) => [row.fixture, ...Object.values(row.frames ?? {})]));
const drafts: ContractRow[] = [];
const unchecked = uncheckedControls(adapter, rows);
const plans = [
  ...(unchecked.length ? [...states.values()].map((state) => ({ state, controls: unchecked })) : []),
  ...adapter.fixtures.filter((fixture) => !visited.has(fixture)).map((fixture) => ({ state: { fixture }, controls: controlPaths(adapter) })),
];
const browser = plans.length ? await ContractBrowser.launch() : undefined;
try {
  for (const { state, controls } of plans) {
    for (const control of controls) {
      const row: ContractRow = { ...state, control, expect: { present: 0 } };
      const seen = await browser!.observe(table, row);
      const acted = ACTED_ON.test(control) && seen.present > 0;
      drafts.push({ ...row, expect: { present: seen.present, ...(acted ? { pick: seen.pick as ContractRow['expect']['pick'] } : {}) } });
    }
  }
} finally {
  await browser?.close();
}
console.log(drafts.map((row) => `    ${inspect(row, { depth: null, breakLength: Infinity })},`).join('\n') || 'Nothing missing.');
