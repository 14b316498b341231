// Watches every channel a secret could leak through during an e2e run: console and errors of every target,
// network requests of extension targets, what a page's own scripts can observe, and the profile left on disk.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser, CDPSession, Page, Target } from 'puppeteer-core';

export interface ConsoleLine {
  target: string;
  text: string;
}

export interface ExtensionRequest {
  target: string;
  url: string;
}

const EXTENSION_SCHEME = /^chrome-extension:\/\//;
/** Schemes that never leave the machine: the extension's own files and in-memory data. */
const LOCAL_SCHEMES = /^(chrome-extension|data|blob|about|chrome):/;

function describeTarget(target: Target): string {
  return `${target.type()} ${target.url()}`;
}

/**
 * Attaches to every target, now and later: console calls, uncaught errors and log entries of all of them, and
 * every network request of extension targets (worker, popup). Returns what it saw so far, on demand.
 */
export async function recordTargets(browser: Browser) {
  const lines: ConsoleLine[] = [];
  const requests: ExtensionRequest[] = [];
  const sessions: CDPSession[] = [];
  const attached = new Set<Target>();

  async function attach(target: Target) {
    if (attached.has(target) || !['page', 'service_worker', 'background_page', 'other'].includes(target.type())) return;
    attached.add(target);
    let session: CDPSession;
    try {
      session = await target.createCDPSession();
    } catch {
      return; // the target closed before we could attach
    }
    sessions.push(session);
    // Named when the event arrives: a popup is attached before it has navigated to its URL.
    const text = (value: unknown) => lines.push({ target: describeTarget(target), text: JSON.stringify(value) });
    session.on('Runtime.consoleAPICalled', text);
    session.on('Runtime.exceptionThrown', text);
    session.on('Log.entryAdded', text);
    session.on('Network.requestWillBeSent', (event: { request: { url: string } }) => {
      if (EXTENSION_SCHEME.test(target.url())) requests.push({ target: describeTarget(target), url: event.request.url });
    });
    await Promise.all([session.send('Runtime.enable'), session.send('Log.enable'), session.send('Network.enable')]).catch(() => undefined);
  }

  browser.on('targetcreated', (target: Target) => void attach(target));
  await Promise.all(browser.targets().map(attach));

  return {
    lines,
    /** Requests from extension targets that would leave the machine (its own chrome-extension:// files do not). */
    egress: () => requests.filter((r) => !LOCAL_SCHEMES.test(r.url)),
    requests,
    async detach() {
      await Promise.all(sessions.map((s) => s.detach().catch(() => undefined)));
    },
  };
}

/** Resource Timing of an extension context since it started: catches requests made before we attached. */
export async function resourcesLoaded(context: Pick<Page, 'evaluate'>): Promise<string[]> {
  const names = await context.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
  return names.filter((url) => !LOCAL_SCHEMES.test(url));
}

export interface PageObservation {
  channel: string;
  where: string;
}

/**
 * Installed in the page's own world before its scripts run: records every place a page script could read the
 * canary (postMessage, message events, DOM events' data, attributes, text, titles, URLs, storage, cookies), except
 * the `allowedFields` whose value is the page's own business (the IdP's token field, the source's token display).
 */
export async function hookPageChannels(page: Page, canary: string, allowedFields: string): Promise<void> {
  await page.evaluateOnNewDocument(
    (secret: string, allowed: string) => {
      const seen: { channel: string; where: string }[] = [];
      (window as unknown as { __leaks: typeof seen }).__leaks = seen;
      const hit = (channel: string, value: unknown, where = '') => {
        let text: string;
        try {
          text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
        } catch {
          text = String(value);
        }
        if (text.includes(secret)) seen.push({ channel, where });
      };
      const wrap = <T extends object>(proto: T, name: string, channel: string) => {
        const original = (proto as Record<string, (...args: unknown[]) => unknown>)[name]!;
        (proto as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
          hit(channel, args[0]);
          return original.apply(this, args);
        };
      };
      wrap(window, 'postMessage', 'window.postMessage');
      wrap(MessagePort.prototype, 'postMessage', 'MessagePort.postMessage');
      wrap(BroadcastChannel.prototype, 'postMessage', 'BroadcastChannel.postMessage');
      wrap(History.prototype, 'pushState', 'history.pushState');
      wrap(History.prototype, 'replaceState', 'history.replaceState');
      const EVENTS = [
        'message', 'input', 'beforeinput', 'change', 'keydown', 'keyup', 'keypress', 'focus', 'blur', 'focusin',
        'focusout', 'click', 'pointerdown', 'pointerup', 'mousedown', 'mouseup', 'submit', 'copy', 'cut', 'paste',
        'hashchange', 'popstate', 'storage', 'compositionend', 'textInput', 'select', 'selectionchange', 'animationstart',
      ];
      for (const type of EVENTS) {
        window.addEventListener(
          type,
          (event: Event) => {
            const e = event as Event & { data?: unknown; detail?: unknown; key?: unknown; newURL?: string; newValue?: unknown };
            const target = event.target as Element | null;
            hit(`event:${type}`, [e.data, e.detail, e.key, e.newURL, e.newValue], target?.nodeName ?? '');
            const clip = (event as ClipboardEvent).clipboardData?.getData('text/plain');
            if (clip) hit(`event:${type}:clipboard`, clip);
            // The value of a field the page owns is its own business; any other element's value is not.
            if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) {
              if (!target.matches(allowed)) hit(`event:${type}:value`, target.value, target.outerHTML.slice(0, 120));
            }
          },
          true,
        );
      }
      window.addEventListener('securitypolicyviolation', (e) => hit('csp-violation', (e as SecurityPolicyViolationEvent).sample));
      new MutationObserver((records) => {
        for (const record of records) {
          if (record.type === 'attributes') {
            const el = record.target as Element;
            hit('attribute', el.getAttribute(record.attributeName!), `${el.nodeName}[${record.attributeName}]`);
          } else if (record.type === 'characterData') hit('text', record.target.textContent, record.target.parentElement?.nodeName);
          else record.addedNodes.forEach((node) => hit('added-node', (node as Element).outerHTML ?? node.textContent, node.nodeName));
        }
      }).observe(document, { attributes: true, childList: true, characterData: true, subtree: true });
    },
    canary,
    allowedFields,
  );
}

/** The page's view at the end: hooks' records, plus a sweep of the DOM, title, URL, storage and cookies. */
export async function pageLeaks(page: Page, canary: string, allowedFields: string): Promise<PageObservation[]> {
  return page.evaluate(
    (secret: string, allowed: string) => {
      const seen = [...((window as unknown as { __leaks?: { channel: string; where: string }[] }).__leaks ?? [])];
      const check = (channel: string, text: string | null | undefined, where = '') => {
        if (text?.includes(secret)) seen.push({ channel, where });
      };
      const sweep = (root: Document | ShadowRoot) => {
        for (const el of Array.from(root.querySelectorAll('*'))) {
          for (const attr of Array.from(el.attributes)) check('final-attribute', attr.value, `${el.nodeName}[${attr.name}]`);
          if ((el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) && !el.matches(allowed)) {
            check('final-field-value', el.value, el.outerHTML.slice(0, 120));
          }
          if (el.shadowRoot) sweep(el.shadowRoot);
        }
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) check('final-text', node.textContent, node.parentElement?.nodeName);
      };
      sweep(document);
      check('title', document.title);
      check('url', location.href);
      check('cookie', document.cookie);
      for (const store of [localStorage, sessionStorage]) {
        for (let i = 0; i < store.length; i++) check('web-storage', `${store.key(i)}=${store.getItem(store.key(i)!)}`);
      }
      return seen;
    },
    canary,
    allowedFields,
  );
}

/** Searches every file under a directory for the secret as UTF-8/ASCII and UTF-16 (both byte orders). */
export function scanDirectory(dir: string, secret: string): string[] {
  const needles = [Buffer.from(secret, 'utf8'), Buffer.from(secret, 'utf16le'), Buffer.from(secret, 'utf16le').swap16()];
  const hits: string[] = [];
  const walk = (path: string) => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return; // removed while we walked (lock files)
    }
    if (stat.isDirectory()) return readdirSync(path).forEach((name) => walk(join(path, name)));
    if (!stat.isFile()) return;
    const bytes = readFileSync(path);
    if (needles.some((needle) => bytes.includes(needle))) hits.push(relative(dir, path));
  };
  walk(dir);
  return hits;
}

/** Printable bytes just before the first hit in a file (as UTF-8 and UTF-16), to tell whose data it is. */
export function textBeforeHit(file: string, secret: string, span = 1500): string {
  const bytes = readFileSync(file);
  const printable = (text: string) => text.replace(/[^\x20-\x7e]+/g, ' ');
  const at8 = bytes.indexOf(Buffer.from(secret, 'utf8'));
  const at16 = bytes.indexOf(Buffer.from(secret, 'utf16le'));
  return [
    at8 >= 0 ? printable(bytes.subarray(Math.max(0, at8 - span), at8).toString('utf8')) : '',
    at16 >= 0 ? printable(bytes.subarray(Math.max(0, at16 - 2 * span), at16).toString('utf16le')) : '',
  ].join(' ');
}
