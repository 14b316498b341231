// The shape of a locator contract: per adapter, rows of fixture → control → what the real locator code must find
// there. Rows name controls by the adapter's own property names ("token", "reveal.0", "guide.edit.spot"), so the
// locators are always read through the adapter's import and a locator change shows up as a failing row.
import type { ControlSpec } from '../../utils/dom/locate';
import type { Picked } from '../../utils/dom/pick';
import type { Adapter } from '../../utils/adapters/types';

/**
 * A path into the adapter object, dot-separated: property names, array indexes, or the `id` of an array element
 * (guide steps), e.g. "token", "scimUrl.control", "reveal.2", "guide.tick.spot".
 */
export type ControlPath = string;

/** What a person does to bring the page to the state a row checks, always through the adapter's own controls. */
export type Step =
  /** Click the one rendered match of the control, with the engine's own press() (waits for it to render). */
  | { press: ControlPath }
  /** Tick the control's checkbox or switch when it is not ticked yet, by its label when the box is styled (waits for it to render). */
  | { tick: ControlPath }
  /** Wait until the control renders: for pages that draw late (a delayed render, a lazy pane). */
  | { wait: ControlPath }
  /** Make the choice of a reveal step ({ choose, option }) with the engine's own choose(): "reveal.2". */
  | { choose: ControlPath };

/** What pick() says when it refuses: the exact problem the engine would report to the user. */
export type Refusal = Exclude<Picked, { ok: true }>;

export interface Expectation {
  /** How many rendered matches present() finds: exact, so a locator that starts matching a decoy fails. */
  present: number;
  /** For controls the engine acts on: pick() returns ok, or exactly this refusal. Fields are picked for typing. */
  pick?: 'ok' | Refusal;
  /** A selector the picked element must match: which element of the fixture is the right one. */
  picks?: string;
}

export interface ContractRow {
  /** The page under test (relative to tests/fixtures/), served at the table's `url` unless the row names one. */
  fixture: string;
  url?: string;
  /** Pages the fixture frames, URL → fixture, served beside it. */
  frames?: Record<string, string>;
  /** Run the steps and checks inside the frame at this URL instead of the top document. */
  inFrame?: string;
  /** A hostile addition (tests/fixtures/hostile/*.html) inserted before the fixture's </body>. */
  inject?: string;
  before?: readonly Step[];
  control: ControlPath;
  expect: Expectation;
}

export interface AdapterContract {
  adapter: Adapter;
  /** Where the adapter's fixtures are served (the real host name; the hash selects the tab where a page uses it). */
  url: string;
  rows: readonly ContractRow[];
}

/** What the target engine presses, ticks or types into through pick(): each needs a row where pick() says ok. */
export const ACTED_ON = /^(reveal\..+|enable|baseUrl|token|test|save)$/;

function isControlSpec(value: unknown): value is ControlSpec {
  return !!value && typeof value === 'object' && 'locators' in value && Array.isArray((value as ControlSpec).locators);
}

function valueAt(adapter: Adapter, path: ControlPath): unknown {
  let value: unknown = adapter;
  for (const key of path.split('.')) {
    if (Array.isArray(value)) value = /^\d+$/.test(key) ? value[Number(key)] : value.find((item: { id?: string }) => item?.id === key);
    else value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value;
}

/** The control a path names in the adapter; throws with the path when the adapter has no such control. */
export function controlAt(adapter: Adapter, path: ControlPath): ControlSpec {
  const value = valueAt(adapter, path);
  if (!isControlSpec(value)) throw new Error(`${adapter.id} has no control at "${path}"`);
  return value;
}

/** The choice a reveal step makes ({ choose, option }); throws with the path when the step is no choice. */
export function choiceAt(adapter: Adapter, path: ControlPath): { choose: ControlSpec; option: RegExp } {
  const value = valueAt(adapter, path) as { choose?: unknown; option?: unknown } | undefined;
  if (!isControlSpec(value?.choose) || !(value.option instanceof RegExp)) throw new Error(`${adapter.id} has no choice at "${path}"`);
  return { choose: value.choose, option: value.option };
}

/** What a step does, to which path, and the control it waits for and acts on (a choice step's own control). */
export function stepTarget(adapter: Adapter, step: Step): { verb: 'press' | 'tick' | 'wait' | 'choose'; path: ControlPath; spec: ControlSpec } {
  const [verb, path] = Object.entries(step)[0] as ['press' | 'tick' | 'wait' | 'choose', ControlPath];
  return { verb, path, spec: verb === 'choose' ? choiceAt(adapter, path).choose : controlAt(adapter, path) };
}

/** Every control path of an adapter, for the coverage check: what a table must say something about. */
export function controlPaths(value: unknown, prefix = ''): ControlPath[] {
  if (isControlSpec(value)) return [prefix];
  if (!value || typeof value !== 'object' || value instanceof RegExp) return [];
  const entries = Array.isArray(value)
    ? value.map((item: { id?: string }, index) => [typeof item?.id === 'string' ? item.id : String(index), item] as const)
    : Object.entries(value);
  return entries.flatMap(([key, item]) => controlPaths(item, prefix ? `${prefix}.${key}` : key));
}

/** The adapter's controls no row checks, by path. Controls shared between paths (Okta's Edit is reveal.0 and a guide spot) count once. */
export function uncheckedControls(adapter: Adapter, rows: readonly ContractRow[]): ControlPath[] {
  const checked = new Set<ControlSpec>(rows.map((row) => controlAt(adapter, row.control)));
  return controlPaths(adapter).filter((path) => !checked.has(controlAt(adapter, path)));
}

/** A row in words, for the test's name: the state it sets up and what it expects. */
export function describeRow(row: ContractRow): string {
  const where = [row.fixture, row.inject && `+ ${row.inject}`, row.inFrame && `(frame ${new URL(row.inFrame).host})`].filter(Boolean);
  const steps = (row.before ?? []).map((step) => Object.entries(step).map(([verb, path]) => `${verb} ${path}`)[0]);
  const pick = row.expect.pick === undefined ? '' : row.expect.pick === 'ok' ? ', pick ok' : `, pick refuses: ${JSON.stringify(row.expect.pick)}`;
  return `${where.join(' ')}${steps.length ? ` › ${steps.join(' › ')}` : ''}: ${row.control} → ${row.expect.present} present${pick}`;
}

/** Controls and options cross into the page as JSON: regular expressions travel as { $regexp, flags } (see probe.ts). */
export function encodeForPage(value: ControlSpec | RegExp): string {
  return JSON.stringify(value, (_key, item: unknown) => (item instanceof RegExp ? { $regexp: item.source, flags: item.flags } : item));
}
