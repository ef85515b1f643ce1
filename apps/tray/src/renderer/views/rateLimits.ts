/** 限流 / Rate limit: QuotaMonitoring value against its limit (QPS, concurrency …). */
import type { RateLimitView, TrayLevel } from '../../shared/bridge.js';
import { formatAmount, formatPercent, quotaTypeText } from '../format.js';
import { h, KeyedList, setAttr, setText, type Row } from '../dom.js';
import { MeterBar } from './gauges.js';

export interface Thresholds {
  warningPercent: number;
  criticalPercent: number;
}

export function rateLimitLevel(percent: number, thresholds: Thresholds): TrayLevel {
  if (percent >= thresholds.criticalPercent) return 'critical';
  if (percent >= thresholds.warningPercent) return 'warning';
  return 'ok';
}

interface RateLimitItem {
  view: RateLimitView;
  resourceLabel: string;
  level: TrayLevel;
}

export class RateLimitsSection {
  readonly element: HTMLElement;
  private readonly list: KeyedList<RateLimitItem>;
  private readonly empty: HTMLElement;

  constructor() {
    const listElement = h('ul', { class: 'rows', 'aria-labelledby': 'rate-title' });
    this.empty = h('p', { class: 'muted empty' }, '没有限流数据 No rate-limit data');
    this.element = h(
      'section',
      { class: 'card', 'data-section': 'rate-limits' },
      h('h2', { class: 'card-title', id: 'rate-title' }, '限流 ', h('span', { class: 'en' }, 'Rate limit')),
      listElement,
      this.empty,
    );
    this.list = new KeyedList(listElement, (item) => `${item.view.resourceId}/${item.view.quotaType}`, createRateRow);
  }

  update(rateLimits: readonly RateLimitView[], labelOf: (resourceId: string) => string, thresholds: Thresholds): void {
    this.list.update(
      rateLimits.map((view) => ({ view, resourceLabel: labelOf(view.resourceId), level: rateLimitLevel(view.percent, thresholds) })),
    );
    this.empty.hidden = rateLimits.length > 0;
  }
}

function createRateRow(initial: RateLimitItem): Row<RateLimitItem> {
  const name = h('span', { class: 'row-title' });
  const kind = h('span', { class: 'chip' });
  const figures = h('span', { class: 'figure', 'data-field': 'value-of-limit' });
  const percent = h('span', { class: 'muted', 'data-field': 'percent' });
  const bar = new MeterBar();
  const element = h(
    'li',
    { class: 'rate-row', 'data-resource-id': initial.view.resourceId, 'data-quota-type': initial.view.quotaType },
    h('div', { class: 'row-head' }, name, h('span', { class: 'rate-figures' }, figures, percent)),
    h('div', { class: 'rate-meter' }, kind, bar.element),
  );
  return {
    element,
    update({ view, resourceLabel, level }) {
      setText(name, resourceLabel);
      setAttr(name, 'title', view.resourceId);
      setText(kind, quotaTypeText(view.quotaType));
      setText(figures, `${formatAmount(view.value)} / ${formatAmount(view.limit)}`);
      setText(percent, ` ${formatPercent(view.percent)}`);
      bar.update(view.percent, level);
      setAttr(element, 'data-level', level);
      setAttr(
        element,
        'aria-label',
        `${resourceLabel} ${quotaTypeText(view.quotaType)}: ${formatAmount(view.value)} of ${formatAmount(view.limit)} (${formatPercent(view.percent)})`,
      );
    },
  };
}
