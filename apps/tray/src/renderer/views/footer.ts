/** "Last updated N s ago", ticking every second against the core's clock. */
import { formatAge } from '../format.js';
import { h, setAttr, setText } from '../dom.js';

export class Footer {
  readonly element: HTMLElement;
  private readonly updated: HTMLElement;
  private readonly polling: HTMLElement;
  private lastUpdatedAt: number | null = null;
  private clockOffsetMs = 0;

  constructor() {
    this.updated = h('span', { 'data-field': 'last-updated' });
    this.polling = h('span', { class: 'polling muted', 'data-field': 'polling' });
    this.element = h('footer', { class: 'app-footer' }, this.updated, this.polling);
    window.setInterval(() => this.tick(), 1000);
  }

  /** `coreNow` is the snapshot's `now`: ages are measured on the core's clock, whatever the skew. */
  update(lastUpdatedAt: number | null, coreNow: number, polling: boolean): void {
    this.lastUpdatedAt = lastUpdatedAt;
    this.clockOffsetMs = coreNow - Date.now();
    setText(this.polling, polling ? '· 更新中 updating…' : '');
    this.tick();
  }

  /** The core's clock as this page estimates it. */
  coreNow(): number {
    return Date.now() + this.clockOffsetMs;
  }

  private tick(): void {
    if (this.lastUpdatedAt === null) {
      setText(this.updated, '尚未更新 Not updated yet');
      setAttr(this.updated, 'data-age-seconds', null);
      return;
    }
    const seconds = Math.max(0, Math.floor((this.coreNow() - this.lastUpdatedAt) / 1000));
    setText(this.updated, `更新于 ${formatAge(seconds)} 前 · Updated ${formatAge(seconds)} ago`);
    setAttr(this.updated, 'data-age-seconds', String(seconds));
  }
}
