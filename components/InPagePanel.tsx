// The small card SCIM Relay shows inside a page: what happened, and at most one or two actions. It never shows the token.
import { t } from '../utils/i18n';

export type PanelTone = 'info' | 'progress' | 'success' | 'error' | 'warning';
export type PanelActionId = 'save' | 'fill' | 'dismiss';

export interface PanelView {
  tone: PanelTone;
  title: string;
  body?: string;
  actions?: { id: PanelActionId; label: string }[];
}

export function InPagePanel(props: { view: PanelView; onAction: (id: PanelActionId, event: MouseEvent) => void }) {
  const { view } = props;
  const urgent = view.tone === 'error' || view.tone === 'warning';
  return (
    <section class={`panel ${view.tone}`} aria-label={t('extName')}>
      <div role={urgent ? 'alert' : 'status'} aria-live={urgent ? 'assertive' : 'polite'} aria-atomic="true">
        <p class="title">{view.title}</p>
        {view.body && <p class="body">{view.body}</p>}
      </div>
      <div class="actions">
        {view.actions?.map((action) => (
          <button type="button" class={action.id} onClick={(event) => props.onAction(action.id, event)}>
            {action.label}
          </button>
        ))}
        <button type="button" class="close" aria-label={t('panelClose')} onClick={(e) => props.onAction('dismiss', e)}>
          ×
        </button>
      </div>
    </section>
  );
}
