// The tenant binding of a hand-off (qualify, then verify): the Base URL the form holds must be the source's own
// host, or one the person accepted, before the token goes in; and it must still be that host when Test and Save
// are pressed and when the verdict is in (docs/target-safety.md). One guard per fill, kept for its Save.
import type { TargetAdapter } from '../adapters/types';
import { readField } from '../dom/act';
import { present } from '../dom/pick';
import { otherBaseUrlHost, urlHost } from '../base-url';
import { say, type FillStage } from '../messages';
import type { FillGrant } from '../protocol';
import { clearTyped, need, typeChecked, type FormContext, type ReadBack } from './form-steps';
import { stopAt } from './target-stops';

export type BaseUrlGuard = ReturnType<typeof createBaseUrlGuard>;

/**
 * `takeAcceptedHost` hands over, once, the other host the person said "Fill anyway" to on the card.
 * `sourceLabel` names the source when the grant carries no Base URL of its own.
 */
export function createBaseUrlGuard(adapter: TargetAdapter, takeAcceptedHost: () => string | undefined, sourceLabel: string) {
  /** The Base URL as it was when the token went in: Test and Save may only go to that host. */
  let sent: { el: Element; value: string } | undefined;
  /** The token field that got the token in this attempt. */
  let tokenField: Element | undefined;

  /** The host the Base URL field names now, when the page changed it to another one after the token went in. */
  function movedTo(): string | undefined {
    const el = sent?.el.isConnected ? sent.el : present(adapter.baseUrl)[0];
    return sent && otherBaseUrlHost(el ? readField(el) : '', sent.value);
  }

  return {
    movedTo,
    /** The token goes into this field now: from then on a stop is a failed fill, and the token comes out if the Base URL moves. */
    tokenTypedInto(field: Element) {
      tokenField = field;
    },
    tokenTyped: () => !!tokenField,

    /**
     * Checks the Base URL the form holds, or types the grant's own when the field is empty; then returns that
     * field's read-back, which runs with the token's (fill-and-test.ts).
     */
    async fill(ctx: FormContext, grant: Extract<FillGrant, { kind: 'fill' }>): Promise<ReadBack | undefined> {
      if (!present(adapter.baseUrl).length) return undefined;
      const field = await need(ctx, adapter.baseUrl, { typing: true, stage: 'untouched' });
      const value = readField(field).trim();
      const formHost = otherBaseUrlHost(value, grant.scimUrl);
      const acceptedHost = takeAcceptedHost();
      const accepted = formHost !== undefined && formHost === acceptedHost;
      const keep = () => void (sent = { el: field, value });
      if (value && formHost === undefined) return keep();
      if (formHost !== undefined && !accepted) {
        // Test would send the token to the host this field names: never without the person's yes.
        const message = say.baseUrlOtherHost(adapter.baseUrl.name, formHost, urlHost(grant.scimUrl) ?? sourceLabel);
        throw stopAt(message, 'unsafe-page', adapter.baseUrl.name, 'untouched', formHost);
      }
      if (!grant.scimUrl) {
        if (formHost !== undefined) return keep(); // the person accepted the URL already there
        const message = say.noBaseUrl(adapter.baseUrl.name, sourceLabel);
        throw stopAt(message, 'layout-not-recognised', adapter.baseUrl.name, 'untouched');
      }
      const typed = typeChecked(ctx, field, grant.scimUrl, adapter.baseUrl, 'untouched');
      sent = { el: field, value: grant.scimUrl };
      return typed;
    },

    /**
     * The page pointed the Base URL elsewhere after the token went in: take the token out of the form and stop.
     * Checked as Test and Save are pressed (the page builds its request from the form as the click lands) and once
     * the verdict is in.
     */
    stopIfMoved(stage: FillStage) {
      const host = movedTo();
      if (host === undefined) return;
      clearTyped(tokenField, present(adapter.token)[0]);
      throw stopAt(say.baseUrlChanged(adapter.baseUrl.name, host), 'unsafe-page', adapter.baseUrl.name, stage);
    },
  };
}
