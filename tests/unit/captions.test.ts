// The index of captions and names (utils/dom/captions.ts) answers as reading the page afresh does, after every kind
// of change a page makes: the fresh reading is the reference, and each case changes the page between two questions.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captionsMatching, indexCaptions, inDocumentOrder } from '../../utils/dom/captions';
import { accessibleName, withRoles, type Role } from '../../utils/dom/locate';

const LABEL = /^api token$/i;
/** What a probe learnt lasts for the rest of its task (utils/dom/task-memo.ts): a new task asks afresh. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** What `read` answers with the index kept, and afresh with no index, each in a task of its own. */
async function keptAndFresh<T>(read: () => T): Promise<{ kept: T; fresh: T }> {
  await nextTask();
  indexCaptions(true);
  const kept = read();
  await nextTask();
  indexCaptions(false);
  const fresh = read();
  indexCaptions(true);
  return { kept, fresh };
}
const ids = (els: Element[]) => els.map((el) => el.id || el.localName);

/** What the index answers, and what a fresh walk of the page answers. */
function bothWays(root: ParentNode = document): { indexed: string[]; walked: string[] } {
  indexCaptions(true);
  const indexed = ids(captionsMatching(root, LABEL));
  indexCaptions(false);
  const walked = ids(captionsMatching(root, LABEL));
  indexCaptions(true);
  return { indexed, walked };
}

const changes: [string, () => void][] = [
  ['a caption is added', () => document.getElementById('row')!.insertAdjacentHTML('beforeend', '<span id="added">API Token</span>')],
  ['a caption is removed', () => document.getElementById('first')!.remove()],
  ['a caption\'s text node is rewritten', () => void (document.getElementById('other')!.firstChild!.textContent = 'API Token:')],
  ['a caption\'s text is replaced', () => void (document.getElementById('first')!.textContent = 'Base URL')],
  ['a caption grows past the caption length', () => document.getElementById('first')!.append(' that you paste from the source, '.repeat(3))],
  ['a caption gets a child with more words', () => document.getElementById('first')!.insertAdjacentHTML('beforeend', '<b>(required)</b>')],
  ['a long paragraph loses its words', () => void (document.getElementById('long')!.firstChild!.textContent = 'API Token')],
  ['a caption moves into a script', () => document.querySelector('script')!.append(document.getElementById('first')!)],
  ['a caption moves to another row', () => document.getElementById('elsewhere')!.append(document.getElementById('first')!)],
  ['a word inside a caption changes', () => void (document.querySelector('#nested b')!.firstChild!.textContent = 'Token')],
  ['a whole form is re-rendered', () => void (document.getElementById('row')!.innerHTML = '<label id="again">API Token *</label><input>')],
];

describe('the caption index', () => {
  beforeEach(() => {
    document.body.innerHTML =
      '<div id="row"><span id="first">API Token</span><input></div><p id="long">API Token — paste it here once you have created it in the source application, then press Test.</p>' +
      '<div id="elsewhere"><em id="other">Base URL</em></div><label id="nested">API <b>Key</b></label><script></script>';
    indexCaptions(true);
    captionsMatching(document, LABEL); // the index is built before the change
  });
  afterEach(() => indexCaptions(false));

  it.each(changes)('answers as a fresh walk does after %s', (_what, change) => {
    change();
    const { indexed, walked } = bothWays();
    expect(indexed).toEqual(walked);
  });

  it('finds what changed, in document order, within the root it is asked about', () => {
    changes[0]![1]();
    changes[2]![1]();
    expect(bothWays().indexed).toEqual(['first', 'added', 'other']);
    expect(bothWays(document.getElementById('row')!)).toEqual({ indexed: ['first', 'added'], walked: ['first', 'added'] });
  });

  it('still answers after the page changed more than it keeps records of', async () => {
    for (let i = 0; i < 25_000; i++) document.getElementById('elsewhere')!.textContent = `tick ${i}`;
    await Promise.resolve(); // the records are delivered: more than the index keeps
    changes[0]![1]();
    expect(bothWays()).toEqual({ indexed: ['first', 'added'], walked: ['first', 'added'] });
  });
});

describe('names kept between probes', () => {
  const NAMED = ['plain', 'iconic', 'titled', 'nested'];
  // Marked by data-name, not id: a name may come from a label for an id, and such names are not kept.
  const el = (name: string) => document.querySelector(`[data-name="${name}"]`)!;
  const names = () => NAMED.map((name) => accessibleName(el(name)));

  beforeEach(async () => {
    document.body.innerHTML =
      '<div data-name="panel"><button data-name="plain">Test</button><button data-name="iconic"><span data-name="icon">⚡</span> Save</button>' +
      '<a data-name="titled" href="#" title="Edit"></a><div role="button" data-name="nested"><span><b>Details</b></span></div></div>';
    indexCaptions(true);
    names(); // kept before the change
  });
  afterEach(() => indexCaptions(false));

  it.each<[string, () => void]>([
    ['the text of a button changes', () => void (el('plain').firstChild!.textContent = 'Test API Credentials')],
    ['an icon inside a button is hidden from screen readers', () => el('icon').setAttribute('aria-hidden', 'true')],
    ['the region around the buttons is hidden from screen readers', () => el('panel').setAttribute('aria-hidden', 'true')],
    ['a button gets an aria-label', () => el('plain').setAttribute('aria-label', 'Run the test')],
    ['a link\'s title changes', () => el('titled').setAttribute('title', 'Edit integration')],
    ['a word deep inside a button changes', () => void (el('nested').querySelector('b')!.textContent = 'More')],
    ['a button is re-rendered with new words', () => void (el('nested').innerHTML = '<i>Less</i>')],
  ])('reads a name again when %s', async (_what, change) => {
    change();
    const { kept, fresh } = await keptAndFresh(names);
    expect(kept).toEqual(fresh);
  });
});

describe('the elements of a role, kept between probes', () => {
  const ROLES: Role[] = ['button', 'link'];
  const marks = (els: Element[]) => els.map((el) => el.getAttribute('data-mark'));
  /** The role elements under `root`, in document order (as locate.ts sorts what it finds). */
  const roleMarks = (root: ParentNode = document) => () => marks(withRoles(root, ROLES).sort(inDocumentOrder));

  beforeEach(async () => {
    document.body.innerHTML =
      '<div id="pane"><button data-mark="edit">Edit</button><a data-mark="help" href="#help">Help</a><input data-mark="field" type="text">' +
      '<div data-mark="plain">Details</div><a data-mark="anchor">No link</a></div><div id="other"><button data-mark="other">Other</button></div>';
    indexCaptions(true);
    withRoles(document, ROLES); // kept before the change
  });
  afterEach(() => indexCaptions(false));

  const el = (mark: string) => document.querySelector(`[data-mark="${mark}"]`)!;
  it.each<[string, () => void]>([
    ['a button is added inside a new region', () => document.body.insertAdjacentHTML('afterbegin', '<section><div><button data-mark="new">New</button></div></section>')],
    ['a button is removed', () => el('edit').remove()],
    ['a div becomes a button by its role', () => el('plain').setAttribute('role', 'button')],
    ['a button loses its role', () => (el('plain').setAttribute('role', 'button'), void el('plain').removeAttribute('role'))],
    ['a text field becomes a submit button', () => el('field').setAttribute('type', 'submit')],
    ['an anchor gets an href', () => el('anchor').setAttribute('href', '#')],
    ['a link loses its href', () => el('help').removeAttribute('href')],
    ['a region is re-rendered', () => void (document.getElementById('pane')!.innerHTML = '<a data-mark="again" href="#">Again</a><button data-mark="edit2">Edit</button>')],
    ['a button moves to another region', () => document.getElementById('other')!.prepend(el('edit'))],
  ])('answers as a fresh query does when %s', async (_what, change) => {
    change();
    const { kept, fresh } = await keptAndFresh(roleMarks());
    expect(kept).toEqual(fresh);
    expect(kept.length).toBeGreaterThan(0);
  });

  it('answers within the root it is asked about', async () => {
    document.getElementById('other')!.insertAdjacentHTML('beforeend', '<a data-mark="later" href="#">Later</a>');
    expect(await keptAndFresh(roleMarks(document.getElementById('other')!))).toEqual({ kept: ['other', 'later'], fresh: ['other', 'later'] });
  });
});
