/**
 * The offline/error banner. It sits above the figures and never replaces them: when a poll
 * fails the last good numbers stay on screen, and this says which call failed and why, with
 * the RequestId to quote to support.
 */
import type { CallErrorView } from '../../shared/bridge.js';
import { h, setText } from '../dom.js';

export class ErrorBanner {
  readonly element: HTMLElement;
  private readonly box: HTMLElement;
  private readonly title: HTMLElement;
  private readonly code: HTMLElement;
  private readonly message: HTMLElement;
  private readonly requestId: HTMLElement;
  private readonly hint: HTMLElement;
  private readonly stale: HTMLElement;
  private readonly retryButton: HTMLButtonElement;

  constructor(onRetry: () => void) {
    this.title = h('strong', { class: 'banner-title' });
    this.code = h('code', { 'data-field': 'error-code' });
    this.message = h('span', { 'data-field': 'error-message' });
    this.requestId = h('div', { class: 'request-id', 'data-field': 'request-id' });
    this.hint = h('div', { class: 'banner-hint' });
    this.stale = h('div', { class: 'banner-hint' }, '下方为上次成功获取的数据 The figures below are the last good ones');
    this.retryButton = h('button', { type: 'button', class: 'btn btn-small', 'data-action': 'retry', onclick: onRetry }, '重试 Retry');
    this.box = h(
      'div',
      { class: 'banner', 'data-banner': '' },
      h('div', { class: 'banner-head' }, this.title, this.retryButton),
      h('div', { class: 'banner-error' }, this.code, ' ', this.message),
      this.requestId,
      this.hint,
      this.stale,
    );
    this.box.hidden = true;
    // The live region stays in the document; only its content changes, so it is announced.
    this.element = h('div', { class: 'banner-region', 'aria-live': 'assertive', 'aria-atomic': 'true' }, this.box);
  }

  /** A failed call of the core; `hasFigures` says whether older numbers are still shown. */
  showCallError(error: CallErrorView, hasFigures: boolean): void {
    this.box.hidden = false;
    this.box.dataset.banner = 'call-error';
    const offline = error.httpStatus === undefined;
    // No ticking age here: this is a live region, and the footer already counts the seconds.
    setText(this.title, `${offline ? '离线 Offline' : '调用失败 Call failed'} · ${error.action}`);
    this.stale.hidden = !hasFigures;
    setText(this.code, error.httpStatus ? `${error.code} (HTTP ${error.httpStatus})` : error.code);
    setText(this.message, error.message);
    setText(this.requestId, error.requestId ? `RequestId: ${error.requestId}` : '');
    this.requestId.hidden = !error.requestId;
    setText(this.hint, error.hint ?? '');
    this.hint.hidden = !error.hint;
    this.retryButton.hidden = false;
  }

  /** The page lost its backend (preview server gone, or the app quit). */
  showDisconnected(): void {
    this.box.hidden = false;
    this.box.dataset.banner = 'disconnected';
    setText(this.title, '与后台断开，正在重连… Lost connection to the app, reconnecting…');
    setText(this.code, '');
    setText(this.message, '');
    this.requestId.hidden = true;
    this.hint.hidden = true;
    this.stale.hidden = false;
    this.retryButton.hidden = true;
  }

  hide(): void {
    this.box.hidden = true;
    delete this.box.dataset.banner;
  }
}
