/** Rate limits: today's peak QuotaMonitoring value against its limit (QPS, concurrency …). */
import type { RateLimitView, TrayLevel } from '../../shared/bridge.js';
import { levelForPercent, type Thresholds } from '../../shared/levels.js';
import { formatAmount, formatPercent, quotaTypeText } from '../format.js';
import { h, setAttr, setText, type Row } from '../dom.js';
import { i18n } from '../i18n.js';
import { MeterBar } from './gauges.js';
import { ListCard } from './listCard.js';

export interface RateLimitItem {
  view: RateLimitView;
  resourceLabel: string;
  level: TrayLevel;
}

/**
 * The rows to show. The bar takes the level the core judged (the one that counts towards the
 * header's level, so the two agree); only a backend that predates `level` leaves the page to
 * judge the percentage against the snapshot's thresholds, by the same rule.
 */
export function rateLimitItems(
  rateLimits: readonly RateLimitView[],
  labelOf: (resourceId: string) => string,
  thresholds: Thresholds,
): RateLimitItem[] {
  return rateLimits.map((view) => ({ view, resourceLabel: view.label ?? labelOf(view.resourceId), level: view.level ?? levelForPercent(view.percent, thresholds) }));
}

export class RateLimitsSection {
  private readonly card = new ListCard<RateLimitItem>({
    section: 'rate-limits',
    titleId: 'rate-title',
    title: i18n().t('section.rateLimits'),
    emptyText: i18n().t('section.rateLimitsEmpty'),
    keyOf: (item) => `${item.view.resourceId}/${item.view.quotaType}`,
    createRow: createRateRow,
  });
  readonly element = this.card.element;

  update(rateLimits: readonly RateLimitView[], labelOf: (resourceId: string) => string, thresholds: Thresholds): void {
    this.card.update(rateLimitItems(rateLimits, labelOf, thresholds));
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
      setText(percent, ` ${i18n().t('rate.inUse', { percent: formatPercent(view.percent) })}`);
      bar.update(view.percent, level);
      setAttr(element, 'data-level', level);
      setAttr(
        element,
        'aria-label',
        i18n().t('rate.aria', {
          resource: resourceLabel,
          quotaType: quotaTypeText(view.quotaType),
          value: formatAmount(view.value),
          limit: formatAmount(view.limit),
          percent: formatPercent(view.percent),
        }),
      );
    },
  };
}
