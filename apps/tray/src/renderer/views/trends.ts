/** Usage trend: one small chart per resource from `usageTrends`. */
import type { UsageTrendView } from '../../shared/bridge.js';
import type { Row } from '../dom.js';
import { i18n } from '../i18n.js';
import { ListCard } from './listCard.js';
import { TrendChart } from './trendChart.js';

interface TrendItem {
  trend: UsageTrendView;
  resourceLabel: string;
}

export class TrendsSection {
  private readonly card = new ListCard<TrendItem>({
    section: 'trends',
    titleId: 'trend-title',
    title: i18n().t('section.trends'),
    emptyText: i18n().t('section.trendsEmpty'),
    keyOf: (item) => `${item.trend.resourceId}/${item.trend.unit}`,
    createRow: createTrendRow,
    list: { tag: 'div', class: 'trend-list' },
  });
  readonly element = this.card.element;

  update(trends: readonly UsageTrendView[], labelOf: (resourceId: string) => string): void {
    this.card.update(trends.map((trend) => ({ trend, resourceLabel: trend.label ?? labelOf(trend.resourceId) })));
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
