// The declarative shape of a site adapter. One file per site fills it in; the engines interpret it, so a new
// IdP or SaaS source is one new file plus its fixtures.
import type { ControlSpec } from '../dom/locate';
import type { HostRule } from '../hosts';

interface AdapterBase {
  /** Stable id used in messages and settings. */
  id: string;
  /** Product name shown to the user. */
  label: string;
  /** Exact host rule checked at run time. */
  hosts: HostRule;
  /** Manifest match patterns: broad by necessity, narrowed by `hosts`. */
  matches: string[];
  /** Fixture files (under tests/fixtures/) that prove this adapter; a test checks each exists and is used. */
  fixtures: string[];
}

export interface SourceAdapter extends AdapterBase {
  role: 'source';
  /** The settings view that shows the token: modal or page. */
  panel: ControlSpec;
  /** The opt-in that makes the next action replace the current token. */
  generateCheckbox: ControlSpec;
  /** Where the freshly revealed token appears (field, text or code block). */
  token: ControlSpec;
  /** Where the SCIM base URL appears, and what a valid one looks like. */
  scimUrl: { control: ControlSpec; pattern: RegExp };
  /** Where to find the token page, in the product's own words. */
  path: string;
}

export interface TargetAdapter extends AdapterBase {
  role: 'target';
  /** Path of an app instance page, e.g. /admin/app/<name>/instance/<id>. */
  appPage: RegExp;
  /** The label of the app on the page: from the document title, or a heading. */
  appLabel: { title: RegExp; heading: ControlSpec };
  /** Which app labels are the source's app (e.g. InVision); others need the user's explicit go-ahead. */
  expectedApp: RegExp;
  /** Any of these present means a sign-in or MFA challenge instead of the admin page. */
  signIn: ControlSpec;
  /** Any of these present means the provisioning integration pane is on screen. */
  integration: ControlSpec;
  /** The control that turns the integration pane editable (Edit, Configure API Integration). */
  open: ControlSpec;
  /** A checkbox that must be ticked before the credential fields show. */
  enable: ControlSpec;
  baseUrl: ControlSpec;
  token: ControlSpec;
  /** The control that makes the IdP test the credentials. */
  test: ControlSpec;
  save: ControlSpec;
  /** How the IdP words the test outcome (any new alert that is not a success is a failure) and a saved form. */
  outcome: { success: RegExp; failure: RegExp; saved: RegExp };
  /** Where the form is, in the IdP's own words, for instructions. */
  path: string;
}

export type Adapter = SourceAdapter | TargetAdapter;
