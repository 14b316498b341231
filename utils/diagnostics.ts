// "Copy diagnostics": a plain-text report a customer can hand to support. Built in the background from the relay
// state, so the popup never sees the token; every free text is redacted down to less than the fingerprint shows.
// Its labels stay in English on purpose: support reads one format whatever the customer's language.
import { STEP_IDS } from './protocol';
import type { RelayState } from './relay';
import type { Settings } from './settings/settings';
import { fingerprint, redact, SHOWN_FRAGMENT_LIMIT } from './token';

export interface DiagnosticsInput {
  state: RelayState;
  settings: Settings;
  now: number;
  extensionVersion: string;
  browser: string;
  /** The keys the organisation's policy sets (the settings above are already what it decided). */
  managedKeys?: string[];
}

const MESSAGES_SHOWN = 5; // the last few outcomes tell the story; older ones are in the timeline count

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

export function diagnosticsReport(input: DiagnosticsInput): string {
  const { state, settings, now } = input;
  const token = state.secret?.token;
  const clean = (text: string) => redact(text, token, SHOWN_FRAGMENT_LIMIT);
  const timeline = state.timeline ?? [];
  const start = timeline[0]?.at ?? state.secret?.capturedAt ?? now;
  const since = (at: number) => `+${seconds(at - start)}`;
  const lines: string[] = [
    'SCIM Relay diagnostics',
    `Extension: ${input.extensionVersion}`,
    `Browser: ${input.browser}`,
    `Generated: ${new Date(now).toISOString()}`,
    `Settings: lifetime ${settings.tokenLifetimeMinutes} min, auto-save ${settings.autoSave ? 'on' : 'off'}, ask before filling ${
      settings.askBeforeFill ? 'on' : 'off'
    }, guide ${settings.guideMode ? 'on' : 'off'}, sites off: ${settings.disabledSites.join(', ') || 'none'}`,
    ...(input.managedKeys?.length ? [`Managed by policy: ${input.managedKeys.join(', ')}`] : []),
    `Phase: ${state.phase}`,
  ];
  if (state.secret) {
    lines.push(
      `Token: ${fingerprint(state.secret.token)} from ${state.secret.sourceOrigin}, captured ${since(state.secret.capturedAt)}, ` +
        `expires in ${seconds(Math.max(0, state.secret.expiresAt - now))}, SCIM URL ${state.secret.scimUrl ? 'captured' : 'not captured'}`,
    );
  }
  if (state.target) lines.push(`Target: ${state.target.adapterId} at ${state.target.origin}`);
  lines.push(`Steps: ${STEP_IDS.map((step) => `${step} ${state.steps.includes(step) ? 'done' : '-'}`).join(', ')}`);
  lines.push('Pages:');
  const pages = Object.values(state.pages);
  if (!pages.length) lines.push('  none reported');
  for (const page of pages) {
    const { code, detail, found, missing } = page.status;
    lines.push(
      `  ${page.adapterId} (${page.role}) ${page.origin}: ${code}${detail ? ` [${clean(detail)}]` : ''} at ${since(page.at)}` +
        (found?.length ? `; found: ${found.map(clean).join(', ')}` : '') +
        (missing?.length ? `; missing: ${missing.map(clean).join(', ')}` : ''),
    );
  }
  const messages = timeline.filter((entry) => entry.text).slice(-MESSAGES_SHOWN);
  lines.push('Last messages:');
  if (!messages.length) lines.push('  none');
  for (const entry of messages) lines.push(`  ${since(entry.at)} ${clean(entry.text!)}`);
  lines.push('Timeline:');
  for (const entry of timeline) lines.push(`  ${since(entry.at)} ${entry.event}`);
  return lines.join('\n');
}
