// The app a target page is about, read from any title format, headings of any level, breadcrumbs and the header;
// a page that names no app reads as '' (the person is asked), one that names another app reads as that app.
import { beforeEach, describe, expect, it } from 'vitest';
import { entraAdapter } from '../../utils/adapters/entra.target';
import { invisionAdapter } from '../../utils/adapters/invision.source';
import { oktaAdapter } from '../../utils/adapters/okta.target';
import { oneloginAdapter } from '../../utils/adapters/onelogin.target';
import { readAppIdentity } from '../../utils/engine/app-identity';

const read = (adapter: typeof oktaAdapter, title: string, body: string) => {
  document.title = title;
  document.body.innerHTML = body;
  return readAppIdentity(document, adapter, invisionAdapter.idpAppName);
};

describe('reading the app as a person does', () => {
  beforeEach(() => {
    document.title = '';
    document.body.innerHTML = '';
  });

  it.each([
    ['Okta title "<Org> - <App>"', oktaAdapter, 'Acme - InVision', '<h2>Integration</h2>', 'InVision'],
    ['a title in another order and separator', oktaAdapter, 'InVision | Okta Admin Console', '', 'InVision'],
    ['a level-3 heading', oktaAdapter, 'Okta', '<h3>InVision</h3>', 'InVision'],
    ['an ARIA heading', oktaAdapter, 'Okta', '<div role="heading" aria-level="2">InVision Enterprise</div>', 'InVision Enterprise'],
    ['a breadcrumb under a title of just "OneLogin"', oneloginAdapter, 'OneLogin',
      '<nav aria-label="Breadcrumb"><ol><li><a href="/apps">Applications</a></li><li aria-current="page">InVision App</li></ol></nav>', 'InVision App'],
    ['a breadcrumb drawn as text with separators', oneloginAdapter, 'OneLogin', '<div class="breadcrumbs">Applications / InVision App</div>', 'InVision App'],
    ['the page header', oneloginAdapter, 'OneLogin', '<header><span>InVision App</span><span>Configuration</span></header>', 'InVision App'],
    ['an Entra blade heading "<app> | Provisioning"', entraAdapter, 'Provisioning', '<h2>InVision | Provisioning</h2>', 'InVision'],
  ])('finds the source’s app in %s', (_where, adapter, title, body, label) => {
    expect(read(adapter, title, body)).toEqual({ label, expected: true });
  });

  it.each([
    ['Okta title', oktaAdapter, 'Acme - Slack', '<h2>Integration</h2>', 'Slack'],
    ['Okta app heading', oktaAdapter, 'Okta Admin Console', '<h1 data-se="app-instance-name">Slack</h1>', 'Slack'],
    ['OneLogin breadcrumb', oneloginAdapter, 'OneLogin', '<nav aria-label="breadcrumb"><a href="/apps">Applications</a> / <span>Slack</span></nav>', 'Slack'],
    ['Entra blade heading', entraAdapter, 'Microsoft Entra admin center', '<h2>Slack | Provisioning</h2>', 'Slack'],
  ])('reads another app’s name from the %s', (_where, adapter, title, body, label) => {
    expect(read(adapter, title, body)).toEqual({ label, expected: false });
  });

  it.each([
    ['Okta: org and console only', oktaAdapter, 'Acme - Okta Admin Console', '<h2>Integration</h2><h3>Provisioning</h3>'],
    ['OneLogin: title "OneLogin", section headings', oneloginAdapter, 'OneLogin', '<h2>Configuration</h2><h3>API Connection</h3>'],
    ['Entra: a framed blade with a bare title', entraAdapter, 'Provisioning', '<h3>Admin Credentials</h3>'],
    ['a breadcrumb that stops at Applications', oneloginAdapter, 'OneLogin', '<nav aria-label="Breadcrumb"><ol><li>Applications</li></ol></nav>'],
  ])('reads no name at all (never a placeholder) on %s', (_where, adapter, title, body) => {
    expect(read(adapter, title, body)).toEqual({ label: '', expected: false });
  });

  it('does not take a sentence that merely mentions the app for its name', () => {
    const sentence = 'Provision users from your directory to InVision and many other applications automatically, as described in the documentation';
    expect(read(oktaAdapter, 'Acme - Okta Admin Console', `<h2>${sentence}</h2>`)).toEqual({ label: '', expected: false });
  });
});
