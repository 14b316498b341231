// The declarative shape of a site adapter. One file per site fills it in; the engines interpret it, so a new
// IdP or SaaS source is one new file plus its fixtures (which the file names in its `fixtures` export, read only by
// tests: tests/harness/adapter-fixtures.ts).
import type { ControlSpec } from '../dom/locate';
import type { HostRule } from '../hosts';
import type { MessageKey } from '../i18n';
import type { Phase } from '../relay';

/** How the page (or the relay) shows a guide step is done: nobody ticks steps by hand. */
export type GuideDone =
  | { present: ControlSpec }
  | { checked: ControlSpec }
  | { path: RegExp }
  | { phase: readonly Phase[] }
  | 'never';

/** One step of the setup guide on this site: a one-line instruction, the control to point at, when it is done. */
export interface GuideStep {
  id: string;
  say: MessageKey;
  spot?: ControlSpec;
  done: GuideDone;
  /** Said instead when no token is waiting (a step that needs one). */
  withoutToken?: MessageKey;
}

interface AdapterBase {
  /** Stable id used in messages and settings. */
  id: string;
  /** Product name shown to the user. */
  label: string;
  /** Exact host rule checked at run time. */
  hosts: HostRule;
  /** Manifest match patterns: broad by necessity, narrowed by `hosts`. */
  matches: string[];
  /** This site's part of the setup guide, in order; the last step is where the guide rests on this site. */
  guide?: readonly GuideStep[];
  /**
   * Where the site comes in every list a person reads (popup, "Okta, OneLogin, Microsoft Entra ID"): the most used
   * first. Sites without one follow, by id: adapters are found by file name, and a new one must not reorder the
   * lists people know.
   */
  listOrder?: number;
}

export interface SourceAdapter extends AdapterBase {
  role: 'source';
  /**
   * The paths (location.pathname) of the pages that hold the SCIM settings: a token shown on any other page of the
   * origin (a help article, a shared prototype, a community post) is never captured. An empty list captures nowhere.
   */
  routes: readonly RegExp[];
  /**
   * The generate (or enable) control: a token counts only shortly after the person's own click on it. Absent where
   * the product has none named (user-defined sources): then the person's click on any button of the page.
   */
  trigger?: ControlSpec;
  /** The settings view that shows the token: modal or page. */
  panel: ControlSpec;
  /** The opt-in that makes the next action replace the current token, where the product has one. */
  generateCheckbox?: ControlSpec;
  /** Where the freshly revealed token appears (field, text or code block). */
  token: ControlSpec;
  /**
   * Where the SCIM base URL appears (the caption the product gives it), and what a valid one looks like. Only a URL
   * on the page's own origin counts: a page never names another tenant's base URL.
   */
  scimUrl: { control: ControlSpec; pattern: RegExp };
  /** Where to find the token page, in the product's own words. */
  path: string;
  /** How the source's app is named in an IdP: the words a target page shows for the app the token belongs to. */
  idpAppName?: RegExp;
}

/**
 * Some IdPs render the form in a cross-origin frame (Entra's blades on *.reactblade.portal.azure.net). The script
 * then also runs in frames, and acts in one only when the frame's host and every ancestor, up to a top page on the
 * adapter's own `hosts`, pass these rules; every other frame is left alone.
 */
export interface FrameRule {
  hosts: HostRule;
  matches: string[];
  /** The IdP announces verdicts in the top page (a portal notification), outside the frame that holds the form. */
  verdictInTop?: boolean;
}

/**
 * A choice a person makes (native select, ARIA combobox, radio group): `option` is the option's name. The site's
 * entrypoint hands the engine `chooser` (utils/engine/choose.ts) when its adapter has any.
 */
export interface ChoiceStep {
  choose: ControlSpec;
  option: RegExp;
}

export type RevealStep = ControlSpec | ChoiceStep;

export interface TargetAdapter extends AdapterBase {
  role: 'target';
  /** Path of an app instance page, e.g. /admin/app/<name>/instance/<id>. Frames are judged by their pane alone. */
  appPage: RegExp;
  /** An admin host, shown in "fills only the admin console (for example …)" messages. */
  exampleHost: string;
  /**
   * Where this console names the app when it is not the source's (utils/engine/app-identity.ts reads the source's
   * app anywhere in the title, headings, breadcrumbs and header): group 1 of `title`, the `heading` elements (CSS;
   * group 1 of `headingPattern`, if set). `notNames`: this console's own words in those places, never an app.
   */
  appLabel: { title: RegExp; heading: string; headingPattern?: RegExp; notNames?: RegExp };
  /** Any of these present means a sign-in or MFA challenge instead of the admin page. */
  signIn: ControlSpec;
  /** Any of these present means the provisioning integration pane is on screen. */
  integration: ControlSpec;
  /**
   * What a person presses or chooses, in order, until the token field shows: Edit or Configure API Integration
   * (Okta); Get started › Provisioning Mode: Automatic › Admin Credentials (Entra). Absent steps are skipped,
   * expanded sections are never collapsed, and the steps stop as soon as the token field (or `enable`) shows.
   */
  reveal: readonly RevealStep[];
  /** A checkbox that must be ticked before the credential fields show, where the IdP has one. */
  enable?: ControlSpec;
  baseUrl: ControlSpec;
  token: ControlSpec;
  /** The control that makes the IdP test the credentials (OneLogin: "Enable" under API Connection). */
  test: ControlSpec;
  /** Save, or Create for a new configuration. */
  save: ControlSpec;
  /**
   * How the IdP words the outcome. Any new alert that is neither pending nor a success is reported as a failure.
   * `pending`: progress notices to skip ("Testing connection to …"). `saved`: how a save is confirmed when the form
   * stays on screen (otherwise the token field going away confirms it).
   */
  outcome: { success: RegExp; failure: RegExp; pending?: RegExp; saved: RegExp };
  frames?: FrameRule;
  /** Where the form is, in the IdP's own words, for instructions. */
  path: string;
  /** What a person reads for each hand-off step on this IdP: its own (English) names, never another IdP's. */
  words: IdpWords;
}

/** The IdP's own names for the hand-off's places and controls, as its console shows them. */
export interface IdpWords {
  /** The pane or tab that holds the form ("Integration", "Configuration"). */
  form: string;
  /** The token field's caption. */
  tokenField: string;
  /** The control that tests the credentials. */
  testButton: string;
  /** The control that keeps them. */
  saveButton: string;
}

export type Adapter = SourceAdapter | TargetAdapter;

/**
 * A site as the other side of the hand-off names it: the InVision script names the IdPs to go to next, an IdP's
 * script names where InVision makes a token (utils/adapters/sites.ts). A content script carries the other sites'
 * names, never their adapters (20 KB gzip each).
 */
export interface Site extends Pick<Adapter, 'id' | 'label' | 'path' | 'listOrder'> {
  /** How many steps this site's part of the setup guide has: the guide counts "step 7 of 15" across sites. */
  guideSteps: number;
}

export interface SourceSite extends Site {
  /** How IdPs name this product's app. */
  idpAppName: RegExp;
}

/** The names an adapter takes from its site. */
export const named = ({ id, label, path }: Site) => ({ id, label, path });

/** What the other sites' scripts know of an adapter (utils/adapters/sites.ts; modules/adapter-scripts.ts). */
export const siteOf = ({ id, label, path, listOrder, guide }: Adapter): Site => ({ id, label, path, listOrder, guideSteps: guide?.length ?? 0 });

/** The order people know the IdPs in (`listOrder`), then any later ones by id. */
export function inListOrder(a: Pick<Site, 'id' | 'listOrder'>, b: Pick<Site, 'id' | 'listOrder'>): number {
  return (a.listOrder ?? Infinity) - (b.listOrder ?? Infinity) || a.id.localeCompare(b.id);
}
