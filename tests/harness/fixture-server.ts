// The one server contract that pages written blind (by people who never saw the extension) talk to, so any such
// page works with the harness whatever its markup: a page's own buttons send these requests, the harness answers
// as the real service would, and the page shows the vendor's documented words for the answer.
//   POST /__fixture/generate              → { token }            a source page's "Generate token"
//   POST /__fixture/test  { baseUrl, token } → 200 { ok: true } or 401 { ok: false }   an IdP's credential test
//   POST /__fixture/save  { baseUrl, token, … } → 200 { ok: true }                      an IdP's save
// Bodies are JSON or form-encoded; the page sends exactly what its form holds.

import { resolve } from 'node:path';

/** Where the fixture pages are, in this tree. */
export const FIXTURES_DIR = resolve(import.meta.dirname, '../fixtures');

/** A request a blind page sent, with the host it went to and the fields it carried. */
export interface FixtureCall {
  kind: 'generate' | 'test' | 'save';
  host: string;
  fields: Record<string, string>;
}

export interface FixtureReply {
  call: FixtureCall;
  status: number;
  reply: unknown;
}

export const FIXTURE_PATH_PREFIX = '/__fixture/';

/** A request body as fields: JSON or form-encoded, as the page sent it. */
export function fieldsOf(body: string): Record<string, string> {
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
  } catch {
    return Object.fromEntries(new URLSearchParams(body));
  }
}

/** Answers the contract's requests; undefined for anything else. */
export function playFixture(
  method: string,
  url: URL,
  body: string,
  expect: { issuedToken: string; acceptedToken: string; scimUrl: string },
): FixtureReply | undefined {
  if (method !== 'POST' || !url.pathname.startsWith(FIXTURE_PATH_PREFIX)) return undefined;
  const kind = url.pathname.slice(FIXTURE_PATH_PREFIX.length);
  const fields = fieldsOf(body);
  const host = url.hostname;
  if (kind === 'generate') return { call: { kind, host, fields }, status: 200, reply: { token: expect.issuedToken } };
  if (kind === 'test') {
    const ok = fields.token === expect.acceptedToken && fields.baseUrl === expect.scimUrl;
    return { call: { kind, host, fields }, status: ok ? 200 : 401, reply: { ok } };
  }
  if (kind === 'save') return { call: { kind, host, fields }, status: 200, reply: { ok: true } };
  return undefined;
}
