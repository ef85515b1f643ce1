/**
 * In-page toasts for `onNotification` (the Electron side also shows native ones). They
 * leave by themselves, later for worse levels, and wait while the pointer or focus is on
 * them; the header and the cards keep showing the state after they go. The same
 * notification id is shown once, even if an event stream replays it.
 */
import type { TrayLevel, TrayNotification } from '../../shared/bridge.js';
import { levelText } from '../format.js';
import { h } from '../dom.js';
import { i18n } from '../i18n.js';

const SHOW_MS: Readonly<Record<TrayLevel, number>> = { ok: 6_000, paused: 8_000, warning: 10_000, critical: 15_000, error: 15_000 };
const MAX_VISIBLE = 3;

export class Toasts {
  readonly element: HTMLElement;
  private readonly seen = new Set<string>();

  constructor() {
    this.element = h('div', { class: 'toasts', role: 'status', 'aria-live': 'polite', 'aria-label': i18n().t('toast.region') });
  }

  show(notification: TrayNotification): void {
    if (this.seen.has(notification.id)) return;
    this.seen.add(notification.id);
    let timer = 0;
    const close = (): void => {
      window.clearTimeout(timer);
      toast.remove();
    };
    const arm = (): void => {
      window.clearTimeout(timer);
      timer = window.setTimeout(close, SHOW_MS[notification.level] ?? SHOW_MS.warning);
    };
    const hold = (): void => window.clearTimeout(timer);
    const toast = h(
      'div',
      {
        class: `toast level-${notification.level}`,
        'data-notification-id': notification.id,
        'data-level': notification.level,
        onmouseenter: hold,
        onmouseleave: arm,
        onfocusin: hold,
        onfocusout: arm,
      },
      h(
        'div',
        { class: 'toast-body' },
        h('strong', { class: 'toast-title' }, notification.title),
        h('span', { class: 'toast-text' }, notification.body),
        h('span', { class: 'visually-hidden' }, levelText(notification.level)),
      ),
      h('button', { type: 'button', class: 'icon-btn', 'aria-label': i18n().t('toast.dismiss'), onclick: close }, '×'),
    );
    this.element.prepend(toast);
    while (this.element.children.length > MAX_VISIBLE) this.element.lastElementChild?.remove();
    arm();
  }
}
