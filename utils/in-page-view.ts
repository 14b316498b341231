// What the in-page card shows and what it can be asked to do: the types the engines (utils/) and the card itself
// (components/) share, so logic never imports the UI.

export type PanelTone = 'info' | 'progress' | 'success' | 'error' | 'warning';
export type PanelActionId = 'save' | 'fill' | 'dismiss' | 'replace' | 'keep';

export interface PanelView {
  tone: PanelTone;
  title: string;
  body?: string;
  actions?: { id: PanelActionId; label: string }[];
}

export interface GuideView {
  /** "Setup guide · step 3 of 14 · InVision" */
  title: string;
  /** The one-line instruction. */
  text: string;
  /** Said when the step's control is not on this page: the way back. */
  lost?: string;
  /** Where the control is, in viewport pixels. */
  spot?: { top: number; left: number; width: number; height: number };
}

export interface InPageUi {
  show(view: PanelView): void;
  /** Takes the message away; the guide, if on, stays. */
  hide(): void;
  /** Shows the guide's step (and spotlight), or removes it. */
  guide(view: GuideView | undefined): void;
  /** Our own host element: excluded from "is the field covered?" checks. */
  readonly host: HTMLElement;
  destroy(): void;
}

/** Makes the card: handed to the engines by the entrypoints (components/in-page-ui.ts). */
export type CreateInPageUi = (onAction: (id: PanelActionId) => void) => InPageUi;
