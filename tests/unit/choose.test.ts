// Choices made as a person makes them: a native select (value and the events frameworks listen to), an ARIA
// combobox whose options open in a callout at the end of <body> (Fluent UI v8 Dropdown), a radio group; and the
// choice counts only when the control shows it afterwards.
import { beforeEach, describe, expect, it } from 'vitest';
import { choose, isChosen } from '../../utils/engine/choose';

const signal = () => new AbortController().signal;

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('choose', () => {
  it('sets a native select and fires input and change, as a person’s choice does', async () => {
    document.body.innerHTML = '<label for="m">Provisioning Mode</label><select id="m"><option>Manual</option><option>Automatic</option></select>';
    const select = document.querySelector('select')!;
    const heard: string[] = [];
    for (const type of ['input', 'change']) document.addEventListener(type, (e) => heard.push(`${e.type}:${(e.target as HTMLSelectElement).value}`));
    expect(await choose(select, /^automatic$/i, { signal: signal() })).toBe('chosen');
    expect(heard).toEqual(['input:Automatic', 'change:Automatic']);
  });

  it('opens a Fluent-style dropdown, picks the option from the callout at the end of <body>, and checks the shown value', async () => {
    document.body.innerHTML =
      '<label id="l">Provisioning Mode</label><div id="dd" role="combobox" tabindex="0" aria-expanded="false" aria-labelledby="l"><span id="title">Manual</span><i aria-hidden="true">⌄</i></div>';
    const dropdown = document.getElementById('dd')!;
    dropdown.addEventListener('click', () => {
      const layer = document.createElement('div');
      layer.className = 'ms-Layer';
      layer.innerHTML = '<div role="listbox"><button role="option">Manual</button><button role="option" title="Automatic"><span>Automatic</span></button></div>';
      document.body.append(layer);
      dropdown.setAttribute('aria-expanded', 'true');
      for (const option of layer.querySelectorAll('[role=option]')) {
        option.addEventListener('click', () => {
          document.getElementById('title')!.textContent = option.textContent;
          layer.remove();
        });
      }
    });
    expect(isChosen(dropdown, /^automatic$/i)).toBe(false);
    expect(await choose(dropdown, /^automatic$/i, { signal: signal() })).toBe('chosen');
    expect(document.getElementById('title')!.textContent).toBe('Automatic');
  });

  it('says so when the dropdown offers no such option, or does not show the choice afterwards', async () => {
    document.body.innerHTML = '<div id="dd" role="combobox" aria-expanded="true">Manual</div><div role="listbox"><div role="option">Manual</div></div>';
    expect(await choose(document.getElementById('dd')!, /^automatic$/i, { signal: signal() })).toBe('no-option');
    document.body.innerHTML = '<div id="dd" role="combobox" aria-expanded="true">Manual</div><div role="listbox"><div role="option">Automatic</div></div>';
    expect(await choose(document.getElementById('dd')!, /^automatic$/i, { signal: signal() })).toBe('not-shown');
  }, 15_000); // each waits out CHOICE_SETTLE_MS

  it('ticks the radio of a group by its label', async () => {
    document.body.innerHTML =
      '<fieldset><legend>Provisioning Mode</legend><label><input type="radio" name="m" checked>Manual</label><label><input type="radio" name="m">Automatic</label></fieldset>';
    const group = document.querySelector('fieldset')!;
    expect(await choose(group, /^automatic$/i, { signal: signal() })).toBe('chosen');
    expect(document.querySelectorAll('input')[1]!.checked).toBe(true);
  });

  it('leaves a control alone that already shows the option', async () => {
    document.body.innerHTML = '<select><option>Manual</option><option selected>Automatic</option></select>';
    const select = document.querySelector('select')!;
    let changes = 0;
    select.addEventListener('change', () => changes++);
    expect(await choose(select, /^automatic$/i, { signal: signal() })).toBe('chosen');
    expect(changes).toBe(0);
  });
});
