// The small card SCIM Relay shows inside a page: what happened, at most one or two actions, and in guide mode the
// next step with a spotlight on its control. It never shows the token.
import { t } from '../utils/i18n';
import type { GuideView, PanelActionId, PanelView } from '../utils/in-page-view';

const SPOT_MARGIN_PX = 4; // the ring sits just outside the control, not over its edge

export function InPagePanel(props: { view?: PanelView; guide?: GuideView; onAction: (id: PanelActionId, event: MouseEvent) => void }) {
  const { view, guide } = props;
  const urgent = view?.tone === 'error' || view?.tone === 'warning';
  const spot = guide?.spot;
  return (
    <>
      {spot && (
        <div
          class="spot"
          aria-hidden="true"
          style={{
            top: `${spot.top - SPOT_MARGIN_PX}px`,
            left: `${spot.left - SPOT_MARGIN_PX}px`,
            width: `${spot.width + 2 * SPOT_MARGIN_PX}px`,
            height: `${spot.height + 2 * SPOT_MARGIN_PX}px`,
          }}
        />
      )}
      <section class={`panel ${view?.tone ?? 'info'}`} aria-label={t('extName')}>
        <div class="content">
          {guide && (
            <div class="guide" role="status" aria-live="polite" aria-atomic="true">
              <p class="guide-title">{guide.title}</p>
              <p class="guide-text">{guide.text}</p>
              {guide.lost && <p class="guide-lost">{guide.lost}</p>}
            </div>
          )}
          {view && (
            <div role={urgent ? 'alert' : 'status'} aria-live={urgent ? 'assertive' : 'polite'} aria-atomic="true">
              <p class="title">{view.title}</p>
              {view.body && <p class="body">{view.body}</p>}
            </div>
          )}
        </div>
        <div class="actions">
          {view?.actions?.map((action) => (
            <button type="button" class={action.id} onClick={(event) => props.onAction(action.id, event)}>
              {action.label}
            </button>
          ))}
          {view && (
            <button type="button" class="close" aria-label={t('panelClose')} onClick={(e) => props.onAction('dismiss', e)}>
              ×
            </button>
          )}
        </div>
      </section>
    </>
  );
}
