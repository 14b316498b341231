// Firefox's frame ancestry: the top page's script vouches only for a rendered frame it holds on the asking
// blade's origin, and only well-formed requests and replies count.
import { beforeEach, describe, expect, it } from 'vitest';
import { holdsFrameAt, isVouchRequest, parseVouchReply, VOUCH_REQUEST } from '../../utils/engine/frames-vouch';

const BLADE = 'https://sandbox-3.reactblade.portal.azure.net';

describe('vouching for a framed blade', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('holds a frame on the blade’s origin only when one is there and rendered', () => {
    document.body.innerHTML = `<iframe src="${BLADE}/ReactViews/index.html?x=1"></iframe>`;
    expect(holdsFrameAt(document, BLADE)).toBe(true);
    expect(holdsFrameAt(document, 'https://other.reactblade.portal.azure.net')).toBe(false);
    document.body.innerHTML = `<iframe src="${BLADE}/ReactViews/index.html" style="display:none"></iframe>`;
    expect(holdsFrameAt(document, BLADE)).toBe(false);
  });

  it.each([
    [{ type: VOUCH_REQUEST, frameOrigin: BLADE }, true],
    [{ type: VOUCH_REQUEST, frameOrigin: 42 }, false],
    [{ type: 'bg/notice', frameOrigin: BLADE }, false],
    [null, false],
  ])('request %j → %s', (raw, ok) => {
    expect(isVouchRequest(raw)).toBe(ok);
  });

  it.each([
    [{ topOrigin: 'https://portal.azure.com' }, 'https://portal.azure.com'],
    [{}, undefined],
    [{ topOrigin: 'javascript:alert(1)' }, undefined],
    [undefined, undefined],
  ])('reply %j → %s', (raw, origin) => {
    expect(parseVouchReply(raw)).toBe(origin);
  });
});
