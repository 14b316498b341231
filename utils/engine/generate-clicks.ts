// The person's own click on a source's generate control, watched from the page's first moment: only such a click
// lets the background take the token that follows (utils/relay.ts offerCapture).
import type { SourceAdapter } from '../adapters/types';
import { matchesRole } from '../dom/locate';
import { present } from '../dom/pick';
import { seen } from './source-reading';

function buttonAround(el: Element): Element | undefined {
  for (let node: Element | null = el; node; node = node.parentElement) if (matchesRole(node, 'button') || matchesRole(node, 'link')) return node;
  return undefined;
}

export const onSourceRoute = (adapter: SourceAdapter, path: string) => adapter.routes.some((route) => route.test(path));

/**
 * The person's own click on the generate control (or, for a source that names none, on any button of the page),
 * on the control as it is shown: a click the page synthesised, or one on a control hidden under something else,
 * does not count.
 */
export function isPersonsGenerateClick(adapter: SourceAdapter, event: Event, ownUi: Element | undefined): boolean {
  if (!event.isTrusted || !(event.target instanceof Element)) return false;
  const target = event.target;
  const controls = adapter.trigger ? present(adapter.trigger) : [buttonAround(target)].filter((el) => !!el);
  return controls.some((control) => control.contains(target) && seen(control, ownUi));
}

export interface GenerateClicks {
  /** From now on each such click goes to `onClick`; one that came before is passed on at once. */
  connect(ownUi: Element, onClick: () => void): void;
  stop(): void;
}

/**
 * Watches for the person's click on the generate control from the moment it is called (document_start): a person
 * who clicks before the rest of the script is ready (a cold browser, a slow settings read) is not missed.
 */
export function watchGenerateClicks(adapter: SourceAdapter): GenerateClicks {
  let ownUi: Element | undefined;
  let onGenerate: (() => void) | undefined;
  let early = false;
  // Capture phase on the window: the click is seen before the page's own handler starts generating.
  const onClick = (event: MouseEvent) => {
    if (!onSourceRoute(adapter, location.pathname) || !isPersonsGenerateClick(adapter, event, ownUi)) return;
    if (onGenerate) onGenerate();
    else early = true;
  };
  window.addEventListener('click', onClick, true);
  return {
    connect(ui, handler) {
      ownUi = ui;
      onGenerate = handler;
      if (early) handler();
      early = false;
    },
    stop: () => window.removeEventListener('click', onClick, true),
  };
}
