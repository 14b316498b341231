// Locating controls as a person reads the page: every common way a label is tied to its field, and sections.
import { beforeEach, describe, expect, it } from 'vitest';
import { accessibleName, candidates, labelText, sectionHeading, type ControlSpec } from '../../utils/dom/locate';

const token: ControlSpec = { name: 'API Token field', kind: 'field', locators: [{ label: /^(api token|oauth bearer token)$/i }] };
const only = (html: string) => {
  document.body.innerHTML = html;
  return candidates(document, token).map((el) => el.id);
};

describe('label locators', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it.each([
    ['label for', '<label for="t">API Token</label><input id="t">'],
    ['wrapping label', '<label>API Token <input id="t"></label>'],
    ['aria-label', '<input id="t" aria-label="API Token">'],
    ['aria-labelledby', '<span id="l">OAuth Bearer Token</span><input id="t" aria-labelledby="l">'],
    ['decorative caption in a form row', '<div class="row"><div><label>API Token</label></div><div><input id="t" type="password"></div></div>'],
    ['required star and colon', '<div><span>API Token: *</span><input id="t"></div>'],
    ['"(required)" suffix', '<label for="t">OAuth Bearer Token (required)</label><input id="t">'],
    ['placeholder only', '<input id="t" placeholder="API Token">'],
  ])('finds the field by %s', (_how, html) => {
    expect(only(html)).toEqual(['t']);
  });

  it('does not take a field from a row that holds several fields', () => {
    expect(only('<div><span>API Token</span><input id="a"><input id="b"></div>')).toEqual([]);
  });

  it('does not mistake a longer caption for the label', () => {
    expect(only('<div><p>Paste the API Token from InVision here, then test.</p><input id="t"></div>')).toEqual([]);
  });
});

describe('names and sections', () => {
  it('reads button names from text, value and aria-label', () => {
    document.body.innerHTML =
      '<button id="a"><span aria-hidden="true">⚡</span> Test API Credentials</button><input id="b" type="button" value="Test API Credentials"><a id="c" href="#" aria-label="Edit integration">✎</a>';
    expect(['a', 'b', 'c'].map((id) => accessibleName(document.getElementById(id)!))).toEqual([
      'Test API Credentials',
      'Test API Credentials',
      'Edit integration',
    ]);
  });

  it('knows which heading a control sits under', () => {
    document.body.innerHTML = '<h2>General</h2><a id="g" href="#">Edit</a><h2>Integration</h2><a id="i" href="#">Edit</a>';
    expect(sectionHeading(document.getElementById('g')!)).toBe('General');
    expect(sectionHeading(document.getElementById('i')!)).toBe('Integration');
  });

  it('strips label decorations', () => {
    expect(labelText('  Base URL * ')).toBe('Base URL');
    expect(labelText('API Token (optional)')).toBe('API Token');
  });
});

describe('one probe, many questions (what a probe learns is kept for its task only)', () => {
  it('sees what the page changed since the last look, even within the same task', () => {
    expect(only('<label for="t">API Token</label><input id="t">')).toEqual(['t']);
    expect(only('<label for="u">API Token</label><input id="u">')).toEqual(['u']);
    document.getElementById('u')!.insertAdjacentHTML('afterend', '<div><span>API Token</span><input id="v"></div>');
    expect(candidates(document, token).map((el) => el.id)).toEqual(['u', 'v']);
  });

  it('sees a renamed button and a new heading within the same task', () => {
    document.body.innerHTML = '<h2>General</h2><button id="b">Edit</button>';
    const button = document.getElementById('b')!;
    expect([accessibleName(button), sectionHeading(button)]).toEqual(['Edit', 'General']);
    button.textContent = 'Save';
    button.insertAdjacentHTML('beforebegin', '<h2>Integration</h2>');
    expect([accessibleName(button), sectionHeading(button)]).toEqual(['Save', 'Integration']);
  });

  it('skips text a script built inside noscript or template, as a person never sees it', () => {
    document.body.innerHTML = '';
    const hidden = document.createElement('noscript');
    hidden.append(Object.assign(document.createElement('div'), { innerHTML: '<span>API Token</span><input id="n">' }));
    document.body.append(hidden);
    expect(candidates(document, token)).toEqual([]);
  });

  it('takes a caption made of several text nodes as a whole, and names a button from a lone text node', () => {
    document.body.innerHTML = '<div><span>API <b>Token</b></span><input id="t"></div><button id="b"> Test  API Credentials </button>';
    expect(candidates(document, token).map((el) => el.id)).toEqual(['t']);
    expect(accessibleName(document.getElementById('b')!)).toBe('Test API Credentials');
  });
});
