/**
 * Banners above the figures. They never replace the figures: when a poll fails the last good
 * numbers stay on screen (dimmed, "stale since 12:03"), and the error banner says which call
 * failed and why, with the RequestId to quote to support, when the next retry comes, and a
 * button to retry now. A paused service gets its own loud banner with the resume button, so
 * the control is in reach without scrolling.
 */
import type { CallErrorView, ServiceView } from '../../shared/bridge.js';
import { errorHintKey } from '../../shared/headlineText.js';
import { i18n } from '../i18n.js';
import { h, setAttr, setText } from '../dom.js';

export class ErrorBanner {
  readonly element: HTMLElement;
  private readonly box: HTMLElement;
  private readonly title: HTMLElement;
  private readonly code: HTMLElement;
  private readonly message: HTMLElement;
  private readonly requestId: HTMLElement;
  private readonly hint: HTMLElement;
  private readonly stale: HTMLElement;
  private readonly retryRow: HTMLElement;
  private readonly nextRetry: HTMLElement;
  private readonly retryButton: HTMLButtonElement;
  private nextPollAt: number | null = null;
  private retrying = false;

  constructor(onRetry: () => Promise<void>) {
    const { t } = i18n();
    this.title = h('strong', { class: 'banner-title' });
    this.code = h('code', { 'data-field': 'error-code' });
    this.message = h('span', { 'data-field': 'error-message' });
    this.requestId = h('div', { class: 'request-id', 'data-field': 'request-id' });
    this.hint = h('div', { class: 'banner-hint', 'data-field': 'error-hint' });
    this.stale = h('div', { class: 'banner-hint' }, t('banner.staleFigures'));
    this.nextRetry = h('span', { class: 'muted', 'data-field': 'next-retry' });
    this.retryButton = h(
      'button',
      {
        type: 'button',
        class: 'btn btn-small',
        'data-action': 'retry',
        onclick: () => {
          this.retrying = true;
          this.renderCountdown(Date.now());
          void onRetry().finally(() => {
            this.retrying = false;
          });
        },
      },
      t('banner.retryNow'),
    );
    // The countdown ticks every second: it stays outside the live region, which would read it out each time.
    this.retryRow = h('div', { class: 'banner-retry' }, this.nextRetry, h('span', { class: 'spacer' }), this.retryButton);
    const live = h('div', { 'aria-live': 'assertive', 'aria-atomic': 'true' }, h('div', { class: 'banner-head' }, this.title), h('div', { class: 'banner-error' }, this.code, ' ', this.message), this.requestId, this.hint, this.stale);
    this.box = h('div', { class: 'banner', 'data-banner': '' }, live, this.retryRow);
    this.box.hidden = true;
    this.element = h('div', { class: 'banner-region' }, this.box);
  }

  /** A failed call of the core; `hasFigures` says whether older numbers are still shown. */
  showCallError(error: CallErrorView, hasFigures: boolean, nextPollAt: number | null, coreNow: number): void {
    const { t } = i18n();
    this.box.hidden = false;
    this.box.dataset.banner = 'call-error';
    const offline = error.httpStatus === undefined;
    setText(this.title, t(offline ? 'banner.offline' : 'banner.callFailed', { action: error.action }));
    this.stale.hidden = !hasFigures;
    setText(this.code, error.httpStatus ? `${error.code} (HTTP ${error.httpStatus})` : error.code);
    setText(this.message, error.message);
    setText(this.requestId, error.requestId ? `RequestId: ${error.requestId}` : '');
    this.requestId.hidden = !error.requestId;
    const hintKey = errorHintKey(error);
    const hint = hintKey ? t(hintKey) : (error.hint ?? '');
    setText(this.hint, hint);
    this.hint.hidden = !hint;
    this.retryRow.hidden = false;
    this.nextPollAt = nextPollAt;
    this.renderCountdown(coreNow);
  }

  /** Called every second with the core's clock: "next retry in 1 min 20 s". */
  tick(coreNow: number): void {
    if (!this.box.hidden && this.box.dataset.banner === 'call-error') this.renderCountdown(coreNow);
  }

  /** The page lost its backend (preview server gone, or the app quit). */
  showDisconnected(): void {
    this.box.hidden = false;
    this.box.dataset.banner = 'disconnected';
    setText(this.title, i18n().t('banner.disconnected'));
    setText(this.code, '');
    setText(this.message, '');
    this.requestId.hidden = true;
    this.hint.hidden = true;
    this.stale.hidden = false;
    this.retryRow.hidden = true;
  }

  hide(): void {
    this.box.hidden = true;
    delete this.box.dataset.banner;
  }

  private renderCountdown(coreNow: number): void {
    const { t, duration } = i18n();
    if (this.retrying) {
      setText(this.nextRetry, t('banner.retrying'));
      return;
    }
    const seconds = this.nextPollAt === null ? null : Math.max(0, Math.ceil((this.nextPollAt - coreNow) / 1000));
    setText(this.nextRetry, seconds === null ? '' : t('banner.nextRetry', { duration: duration(seconds) }));
    setAttr(this.nextRetry, 'data-seconds', seconds === null ? null : String(seconds));
  }
}

/** "生产流量已暂停 since 14:05 · 恢复": one line per paused service of the viewed account. */
export class PausedBanner {
  readonly element: HTMLElement;

  constructor(private readonly onResume: (service: ServiceView) => void) {
    this.element = h('div', { class: 'paused-region', 'aria-live': 'polite' });
    this.element.hidden = true;
  }

  update(services: readonly ServiceView[]): void {
    const { t, time } = i18n();
    const paused = services.filter((s) => s.state === 'paused');
    this.element.hidden = paused.length === 0;
    const key = JSON.stringify(paused.map((s) => [s.resourceId, s.label, s.pausedSince, s.pending]));
    if (this.element.dataset.key === key) return;
    this.element.dataset.key = key;
    this.element.replaceChildren(
      ...paused.map((service) => {
        const title = paused.length > 1 ? t('paused.bannerOf', { resource: service.label }) : t('paused.banner');
        return h(
          'div',
          { class: 'banner banner-paused', 'data-banner': 'paused', 'data-resource-id': service.resourceId, title: service.label },
          h('strong', { class: 'banner-title' }, title),
          service.pausedSince !== undefined ? h('span', { class: 'paused-since', 'data-field': 'paused-since' }, t('paused.since', { time: time(service.pausedSince) })) : null,
          h('span', { class: 'spacer' }),
          h(
            'button',
            {
              type: 'button',
              class: 'btn btn-small btn-resume',
              'data-action': 'resume-paused',
              disabled: service.pending !== null,
              onclick: () => this.onResume(service),
            },
            service.pending === 'resuming' ? t('service.resuming') : t('paused.resume'),
          ),
        );
      }),
    );
  }
}
