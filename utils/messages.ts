// Every sentence a person reads from SCIM Relay, in one place: what was expected, what was found, what to do.
// None of them takes the token; the most any may show is its fingerprint.
import type { TargetAdapter } from './adapters/types';
import type { HostRejection } from './hosts';
import { UNUSABLE_WORDS, type Unusable } from './dom/usable';

const HOST_WORDS: Record<HostRejection, string> = {
  'not-a-url': 'the address could not be read',
  'not-https': 'the page is not served over https',
  'has-credentials': 'the address carries a user name or password',
  'has-port': 'the address names a port',
  'not-a-listed-site': 'the site is not one SCIM Relay knows',
  'wrong-subdomain': 'this is not the admin console',
  'look-alike': 'the address uses look-alike (punycode) characters',
};

function outcomeSoFar(afterFill: boolean): string {
  return afterFill ? 'The token was typed into the form but not tested or saved.' : 'Nothing was filled.';
}

export const say = {
  notAdminHost: (adapter: TargetAdapter, host: string, reason: HostRejection) =>
    `SCIM Relay does not fill on ${host}: ${HOST_WORDS[reason]}. It fills only the ${adapter.label} admin console ` +
    `(for example ${adapter.exampleHost}). Open ${adapter.path} there.`,
  signIn: (adapter: TargetAdapter) =>
    `${adapter.label} is asking you to sign in or verify it's you. Finish that, then return to ${adapter.path}; SCIM Relay continues there.`,
  openIntegration: (adapter: TargetAdapter) => `Open ${adapter.path} to hand the token over.`,
  noToken: (source: string, path: string) =>
    `No token is waiting. In ${source}, go to ${path}; SCIM Relay brings the token here.`,
  expired: (source: string, path: string) =>
    `The captured token expired and was forgotten. Generate a new one in ${source} (${path}).`,
  otherApp: (appLabel: string, adapter: TargetAdapter) =>
    `This is “${appLabel}”, not the InVision app, so SCIM Relay did not fill it. Open the InVision app in ${adapter.label}, ` +
    `or choose “Fill into this app anyway” in the SCIM Relay toolbar popup.`,
  busyElsewhere: () => 'Another tab is already taking this token. Finish there, or choose “Fill here instead” in the popup.',
  askFirst: (appLabel: string) => `A token is waiting. Fill it into “${appLabel}” here and test it?`,
  fillAction: () => 'Fill and test',
  alreadyDone: () => 'This token was already tested in this tab. Use the popup to fill it again.',
  failedNeedsRetry: () => 'The last try did not pass. Check the page, then choose “Try again” in the SCIM Relay popup.',
  missingControl: (name: string, adapter: TargetAdapter, frames: number, afterFill: boolean) =>
    `Layout not recognised: expected the ${name} on ${adapter.path}, found none.` +
    (frames && !adapter.frames ? ` The page holds ${frames} frame(s); SCIM Relay never fills inside frames.` : '') +
    ` ${outcomeSoFar(afterFill)} Open ${adapter.path} yourself and try again.`,
  ambiguousControl: (name: string, count: number, afterFill: boolean) =>
    `Stopped: found ${count} visible candidates for the ${name}, expected one, so none was used. ${outcomeSoFar(afterFill)}`,
  unusableControl: (name: string, why: Unusable, afterFill: boolean) =>
    `Stopped: the ${name} is there but ${UNUSABLE_WORDS[why]}, so a person could not use it. ${outcomeSoFar(afterFill)}`,
  formInFrame: (adapter: TargetAdapter) =>
    `Stopped: the Integration form is inside a frame, where SCIM Relay cannot check what you see. Nothing was filled. ` +
    `Open ${adapter.path} in the ${adapter.label} admin console itself.`,
  fieldRejected: (name: string) =>
    `Stopped: the ${name} did not keep the value (the page reset it). Type it yourself or reload the page and try again.`,
  noBaseUrl: (field: string, source: string) =>
    `Stopped: the ${field} is empty and no SCIM URL was captured from ${source}. Enter it yourself, then try again.`,
  enableDidNotShowFields: (checkbox: string, field: string) =>
    `Stopped: ticking the ${checkbox} did not show the ${field}. Nothing was filled.`,
  noOutcome: (button: string, seconds: number) =>
    `Clicked the ${button}, but no verdict appeared within ${seconds} s. Check the page before saving.`,
  filling: (fp: string) => `Filling token ${fp} and testing it…`,
  verified: (idpMessage: string) => idpMessage,
  savedOk: () => 'Saved. The IdP now has the new token, and SCIM Relay has forgotten it.',
  saveNotConfirmed: (button: string, seconds: number) =>
    `Clicked the ${button}, but the page did not confirm within ${seconds} s. Check the page before leaving it.`,
  forgotten: (reason: 'saved' | 'expired' | 'forgotten' | 'replaced') =>
    ({
      saved: 'Saved; the token is forgotten.',
      expired: 'The token expired and was forgotten.',
      forgotten: 'The token was forgotten on request.',
      replaced: 'A newer token was captured; this one is forgotten.',
    })[reason],
  captured: (fp: string, target: string) =>
    `Token ${fp} captured. Open ${target}; SCIM Relay fills and tests it there. It is held in memory for a few minutes only.`,
  generateHint: () =>
    'Generating a new token expires the current one: provisioning stops until your IdP gets the new token. SCIM Relay captures it when it appears.',
};
