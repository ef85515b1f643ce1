/**
 * "Updated N ago", ticking every second against the core's clock; "stale since 12:03" when the
 * figures on screen are the last good ones of a poll that has since failed.
 */
import { formatAge } from '../format.js';
import { i18n } from '../i18n.js';
import { h, setAttr, setText } from '../dom.js';

export class Footer {
  readonly element: HTMLElement;
  private readonly updated: HTMLElement;
  private readonly polling: HTMLElement;
  private lastUpdatedAt: number | null = null;
  private stale = false;
  private clockOffsetMs = 0;

  constructor() {
    this.updated = h('span', { 'data-field': 'last-updated' });
    this.polling = h('span', { class: 'polling muted', 'data-field': 'polling' });
    this.element = h('footer', { class: 'app-footer' }, this.updated, this.polling);
  }

  /** `coreNow` is the snapshot's `now`: ages are measured on the core's clock, whatever the skew. */
  update(lastUpdatedAt: number | null, coreNow: number, polling: boolean, stale: boolean): void {
    this.lastUpdatedAt = lastUpdatedAt;
    this.stale = stale;
    this.clockOffsetMs = coreNow - Date.now();
    setText(this.polling, polling ? ` · ${i18n().t('footer.updating')}` : '');
    this.tick();
  }

  /** The core's clock as this page estimates it. */
  coreNow(): number {
    return Date.now() + this.clockOffsetMs;
  }

  tick(): void {
    const { t, time } = i18n();
    setAttr(this.updated, 'data-stale', this.stale ? 'true' : null);
    if (this.lastUpdatedAt === null) {
      setText(this.updated, t('footer.notYet'));
      setAttr(this.updated, 'data-age-seconds', null);
      return;
    }
    const seconds = Math.max(0, Math.floor((this.coreNow() - this.lastUpdatedAt) / 1000));
    setText(this.updated, this.stale ? t('footer.stale', { time: time(this.lastUpdatedAt) }) : t('footer.updated', { age: formatAge(seconds) }));
    setAttr(this.updated, 'data-age-seconds', String(seconds));
  }
}
