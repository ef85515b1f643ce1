/** 用量趋势 / Usage trend: one small chart per resource from `usageTrends`. */
import type { UsageTrendView } from '../../shared/bridge.js';
import { h, KeyedList, type Row } from '../dom.js';
import { TrendChart } from './trendChart.js';

interface TrendItem {
  trend: UsageTrendView;
  resourceLabel: string;
}

export class TrendsSection {
  readonly element: HTMLElement;
  private readonly list: KeyedList<TrendItem>;
  private readonly empty: HTMLElement;

  constructor() {
    const listElement = h('div', { class: 'trend-list' });
    this.empty = h('p', { class: 'muted empty' }, '暂无用量数据 No usage data');
    this.element = h(
      'section',
      { class: 'card', 'data-section': 'trends', 'aria-labelledby': 'trend-title' },
      h('h2', { class: 'card-title', id: 'trend-title' }, '用量趋势 ', h('span', { class: 'en' }, 'Usage, last hours')),
      listElement,
      this.empty,
    );
    this.list = new KeyedList(listElement, (item) => `${item.trend.resourceId}/${item.trend.unit}`, createTrendRow);
  }

  update(trends: readonly UsageTrendView[], labelOf: (resourceId: string) => string): void {
    this.list.update(trends.map((trend) => ({ trend, resourceLabel: labelOf(trend.resourceId) })));
    this.empty.hidden = trends.length > 0;
  }
}

function createTrendRow(initial: TrendItem): Row<TrendItem> {
  const chart = new TrendChart();
  chart.element.setAttribute('data-resource-id', initial.trend.resourceId);
  chart.element.setAttribute('data-unit', initial.trend.unit);
  return {
    element: chart.element,
    update({ trend, resourceLabel }) {
      chart.update(trend, resourceLabel);
    },
  };
}
