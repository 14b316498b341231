// What every IdP's fake site offers the tests, whatever the IdP: where a person opens its form, which fixture
// pages each variant serves, how its server answers the form's test and save, and its verdict words.
// One file per IdP here (tests/harness/idps/<adapter id>.ts); an IdP with none gets default.ts's, built from its
// adapter and its one fixture.

/** A test or save request an IdP's page sent, with the host it went to and the fields it carried. */
export interface IdpCall {
  idp: string;
  kind: 'test' | 'save';
  host: string;
  fields: Record<string, string>;
}

export interface IdpReply {
  call: IdpCall;
  status: number;
  reply: unknown;
  /** The server takes this long to answer (the call is on record at once). */
  afterMs?: number;
}

/** What the IdP's server expects: the token its test accepts and the SCIM base URL the form must hold. */
export interface IdpExpectation {
  token: string;
  scimUrl: string;
  /** How long the credential test takes (a slow SCIM server). */
  delayMs?: number;
}

export interface IdpVariant {
  /** URL → fixture file (relative to tests/fixtures), every page the variant serves. */
  pages: Record<string, string>;
  /** Where the person opens the form. */
  start: string;
  /** The card shows in this frame (URL prefix) rather than in the top page. */
  cardFrame?: string;
}

/** What an IdP's form sent its server. */
export interface Sent {
  token?: string;
  baseUrl?: string;
}

/** The IdP's server accepts the credentials it expects, and nothing else. */
export const accepts = (sent: Sent, expect: IdpExpectation) => sent.token === expect.token && sent.baseUrl === expect.scimUrl;

export interface IdpHarness {
  /** The adapter's id. */
  id: string;
  /** The hand-off's usual page first: tests/e2e/handoff-targets.e2e.ts runs it. */
  variants: Readonly<Record<string, IdpVariant>>;
  /** Answers the IdP's own test and save requests; undefined for any other request. */
  play(method: string, url: URL, body: string, expect: IdpExpectation): IdpReply | undefined;
  /** The token and the SCIM base URL a recorded request carried, wherever this IdP's form puts them. */
  sent(call: Pick<IdpCall, 'fields'>): Sent;
  /** Fields a save carries besides the credentials, as the form holds them after a passed test. */
  savedAlso?: Record<string, string>;
  /** The IdP's words for a passed and a failed test, as the card and the popup show them. */
  verdicts: { success: RegExp; failure: RegExp };
}
