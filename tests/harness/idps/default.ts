// The fake site of an IdP that brings only its adapter and one fixture page: the page is served where its
// `<link rel="canonical">` says, and its buttons talk to tests/harness/fixture-server.ts's contract
// (POST /__fixture/test and /__fixture/save with { baseUrl, token }); the verdict words are the adapter's own.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TargetAdapter } from '../../../utils/adapters/types';
import { fixturesOf } from '../adapter-fixtures';
import { FIXTURES_DIR, playFixture } from '../fixture-server';
import type { IdpHarness } from './types';

const CANONICAL = /<link\s+rel="canonical"\s+href="([^"]+)"/;

export function defaultHarness(adapter: TargetAdapter, fixtures = fixturesOf(adapter), fixturesDir = FIXTURES_DIR): IdpHarness {
  const fixture = fixtures.find((file) => !file.endsWith('/'));
  if (!fixture) throw Error(`${adapter.id}: an adapter without a harness of its own needs one fixture page (its fixtures list)`);
  const url = CANONICAL.exec(readFileSync(resolve(fixturesDir, fixture), 'utf8'))?.[1];
  if (!url) throw Error(`tests/fixtures/${fixture}: says nowhere where it is served (<link rel="canonical" href="https://…">)`);
  const host = new URL(url).hostname;
  return {
    id: adapter.id,
    variants: { [fixture]: { pages: { [url]: fixture }, start: url } },
    play(method, requestUrl, body, expect) {
      if (requestUrl.hostname !== host) return undefined;
      const played = playFixture(method, requestUrl, body, { issuedToken: '', acceptedToken: expect.token, scimUrl: expect.scimUrl });
      if (!played || played.call.kind === 'generate') return undefined;
      return { ...played, call: { ...played.call, idp: adapter.id, kind: played.call.kind } };
    },
    sent: ({ fields }) => ({ token: fields.token, baseUrl: fields.baseUrl }),
    verdicts: { success: adapter.outcome.success, failure: adapter.outcome.failure },
  };
}
