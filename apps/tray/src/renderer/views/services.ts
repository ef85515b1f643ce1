/**
 * Services: each service's status as reported and a pause/resume switch. The switch
 * sits where the service is (checked = running); "pausing…/resuming…" shows progress, never
 * a guessed result.
 */
import type { CallErrorView } from '../../shared/bridge.js';
import { errorSummary, serviceStateText } from '../format.js';
import { h, setAttr, setText, type Row } from '../dom.js';
import { i18n } from '../i18n.js';
import type { ServiceDisplay } from '../serviceCommands.js';
import { ListCard } from './listCard.js';

export interface ServiceItem {
  resourceId: string;
  label: string;
  display: ServiceDisplay;
  /** A call from this page is in flight: the switch waits for it. */
  busy: boolean;
}

export interface ServiceActions {
  toggle(resourceId: string, label: string, pause: boolean): void;
  dismissError(resourceId: string, error: CallErrorView): void;
}

export class ServicesSection {
  readonly element: HTMLElement;
  private readonly card: ListCard<ServiceItem>;

  constructor(actions: ServiceActions) {
    this.card = new ListCard<ServiceItem>({
      section: 'services',
      titleId: 'services-title',
      title: i18n().t('section.services'),
      emptyText: i18n().t('section.servicesEmpty'),
      keyOf: (item) => item.resourceId,
      createRow: (item) => createServiceRow(item, actions),
    });
    this.element = this.card.element;
  }

  update(items: readonly ServiceItem[]): void {
    this.card.update(items);
  }
}


function createServiceRow(initial: ServiceItem, actions: ServiceActions): Row<ServiceItem> {
  const id = `svc-${initial.resourceId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  let current = initial;
  const title = h('span', { class: 'row-title', id: `${id}-name` });
  const stateText = h('span', { 'data-field': 'state' });
  const rawStatus = h('code', { class: 'raw-status', 'data-field': 'status', title: i18n().t('service.rawStatus') });
  const pendingText = h('span', { class: 'pending-text', 'data-field': 'pending' });
  const statusLine = h('div', { class: 'service-status', id: `${id}-status` }, h('span', { class: 'dot' }), stateText, rawStatus, pendingText);
  const toggle = h(
    'button',
    {
      type: 'button',
      role: 'switch',
      class: 'switch',
      'data-action': 'toggle-service',
      'aria-labelledby': `${id}-name`,
      'aria-describedby': `${id}-status`,
      onclick: () => {
        // Busy toggles are aria-disabled rather than disabled, so keyboard focus stays on them.
        if (toggle.getAttribute('aria-disabled') === 'true') return;
        const { state } = current.display;
        if (state === 'running') actions.toggle(current.resourceId, current.label, true);
        else if (state === 'paused') actions.toggle(current.resourceId, current.label, false);
      },
    },
    h('span', { class: 'switch-thumb' }),
  );
  const errorText = h('div', { class: 'command-error-text' });
  const errorRequestId = h('div', { class: 'request-id' });
  const dismiss = h(
    'button',
    {
      type: 'button',
      class: 'icon-btn',
      'aria-label': i18n().t('service.dismiss'),
      onclick: () => {
        if (current.display.error) actions.dismissError(current.resourceId, current.display.error);
      },
    },
    '×',
  );
  const errorBox = h(
    'div',
    { class: 'command-error', role: 'alert', 'data-field': 'command-error' },
    h('div', { class: 'command-error-body' }, errorText, errorRequestId),
    dismiss,
  );
  const element = h(
    'li',
    { class: 'service-row', 'data-resource-id': initial.resourceId },
    h('div', { class: 'service-main' }, h('div', { class: 'row-body' }, title, statusLine), toggle),
    errorBox,
  );

  return {
    element,
    update(item) {
      current = item;
      const { state, status, pending, error } = item.display;
      setText(title, item.label || item.resourceId);
      setAttr(title, 'title', item.resourceId);
      setText(stateText, serviceStateText(state));
      setText(rawStatus, status);
      rawStatus.hidden = !status;
      setText(pendingText, pending ? i18n().t(pending === 'pausing' ? 'service.pausing' : 'service.resuming') : '');
      pendingText.hidden = !pending;
      setAttr(element, 'data-state', state);
      setAttr(element, 'data-pending', pending ?? null);
      const toggleable = state === 'running' || state === 'paused';
      const waiting = pending !== null || item.busy;
      setAttr(toggle, 'aria-checked', state === 'running' ? 'true' : 'false');
      setAttr(toggle, 'aria-busy', waiting ? 'true' : null);
      toggle.disabled = !toggleable;
      setAttr(toggle, 'aria-disabled', waiting ? 'true' : null);
      toggle.classList.toggle('is-pending', waiting);
      setAttr(
        toggle,
        'title',
        i18n().t(!toggleable ? 'service.cannotToggle' : state === 'running' ? 'service.pause' : 'service.resume'),
      );
      const newError = error !== null && errorBox.hidden;
      errorBox.hidden = !error;
      if (error) {
        const { t } = i18n();
        const what =
          error.action === 'ResumeService' ? t('service.resumeFailed') : error.action === 'PauseService' ? t('service.pauseFailed') : t('service.commandFailed', { action: error.action });
        setText(errorText, `${what} — ${errorSummary(error)}`);
        setText(errorRequestId, error.requestId ? `RequestId: ${error.requestId}` : '');
        errorRequestId.hidden = !error.requestId;
        // The reason appears under the switch the user just used: bring it into view.
        if (newError) errorBox.scrollIntoView({ block: 'nearest' });
      }
    },
  };
}
