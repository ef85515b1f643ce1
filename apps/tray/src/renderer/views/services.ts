/**
 * 服务 / Services: each service's status as reported and a pause/resume switch. The switch
 * sits where the service is (checked = running); "pausing…/resuming…" shows progress, never
 * a guessed result.
 */
import type { CallErrorView } from '../../shared/bridge.js';
import { errorSummary, serviceStateText } from '../format.js';
import { h, setAttr, setText, type Row } from '../dom.js';
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
      title: { zh: '服务', en: 'Services' },
      emptyText: '没有服务 No services',
      keyOf: (item) => item.resourceId,
      createRow: (item) => createServiceRow(item, actions),
    });
    this.element = this.card.element;
  }

  update(items: readonly ServiceItem[]): void {
    this.card.update(items);
  }
}

const PENDING_TEXT = { pausing: '暂停中… Pausing…', resuming: '恢复中… Resuming…' } as const;

function createServiceRow(initial: ServiceItem, actions: ServiceActions): Row<ServiceItem> {
  const id = `svc-${initial.resourceId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  let current = initial;
  const title = h('span', { class: 'row-title', id: `${id}-name` });
  const stateText = h('span', { 'data-field': 'state' });
  const rawStatus = h('code', { class: 'raw-status', 'data-field': 'status', title: 'Status as reported by the service' });
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
      'aria-label': '关闭 Dismiss',
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
      setText(pendingText, pending ? PENDING_TEXT[pending] : '');
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
        !toggleable
          ? '此状态无法暂停或恢复 Cannot pause or resume in this state'
          : state === 'running'
            ? '暂停服务 Pause the service'
            : '恢复服务 Resume the service',
      );
      const newError = error !== null && errorBox.hidden;
      errorBox.hidden = !error;
      if (error) {
        const what = error.action === 'ResumeService' ? '恢复失败 Resume failed' : error.action === 'PauseService' ? '暂停失败 Pause failed' : `${error.action} failed`;
        setText(errorText, `${what} — ${errorSummary(error)}`);
        setText(errorRequestId, error.requestId ? `RequestId: ${error.requestId}` : '');
        errorRequestId.hidden = !error.requestId;
        // The reason appears under the switch the user just used: bring it into view.
        if (newError) errorBox.scrollIntoView({ block: 'nearest' });
      }
    },
  };
}
