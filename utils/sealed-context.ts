// WXT's content-script context, minus its start-up announcement. On start WXT posts
// `{type: "<extension id>:<script>:wxt:content-script-started"}` to the page (window.postMessage) and fires a
// document CustomEvent of that name; each running copy of the script stops when it hears another copy's event.
// A page hears the postMessage, so it learns the extension id, and it can replay the event (the name is public for
// a store extension) to shut our content script down (issue #10, class 4). The build (wxt.config.ts) gives content
// scripts this class instead: no announcement, no listener. What we rely on from the context stays: its signal,
// onInvalidated, and `isInvalid` turning true once the extension is reloaded or removed (orphan detection, which
// utils/engine/run.ts polls), so an old copy of the script still stops itself without hearing a newer one.
import { ContentScriptContext } from 'wxt/utils/content-script-context';

export class SealedContentScriptContext extends ContentScriptContext {
  override stopOldScripts(): void {}

  override listenForNewerScripts(): void {}
}

export { SealedContentScriptContext as ContentScriptContext };
