/** 剩余额度 / Remaining: resource-pack spend per resource (purchased − used), with a ring gauge. */
import type { PackBalanceView } from '../../shared/bridge.js';
import { formatPercent, formatWithUnit, levelText } from '../format.js';
import { h, setAttr, setText, type Row } from '../dom.js';
import { RingGauge } from './gauges.js';
import { ListCard } from './listCard.js';

export class PacksSection {
  private readonly card = new ListCard<PackBalanceView>({
    section: 'packs',
    titleId: 'packs-title',
    title: { zh: '剩余额度', en: 'Remaining' },
    emptyText: '没有资源包 No resource packs',
    keyOf: (pack) => pack.resourceId,
    createRow: createPackRow,
  });
  readonly element = this.card.element;

  update(packs: readonly PackBalanceView[]): void {
    this.card.update(packs);
  }
}

function createPackRow(initial: PackBalanceView): Row<PackBalanceView> {
  const gauge = new RingGauge();
  const label = h('span', { class: 'row-title' });
  const remaining = h('span', { class: 'figure', 'data-field': 'remaining' });
  const usedOfTotal = h('span', { 'data-field': 'used-of-total' });
  const percent = h('span', { class: 'level-text', 'data-field': 'percent-used' });
  const expires = h('span', { class: 'muted', 'data-field': 'expires' });
  const element = h(
    'li',
    { class: 'pack-row', 'data-resource-id': initial.resourceId },
    gauge.element,
    h(
      'div',
      { class: 'row-body' },
      h('div', { class: 'row-head' }, label),
      h('div', { class: 'pack-remaining' }, h('span', { class: 'muted' }, '剩余 Remaining '), remaining),
      h('div', { class: 'pack-used muted' }, '已用 Used ', usedOfTotal, ' ', percent),
      expires,
    ),
  );
  return {
    element,
    update(pack) {
      gauge.update(pack.percentUsed, pack.level);
      setText(label, pack.label || pack.resourceId);
      setAttr(label, 'title', pack.resourceId);
      setText(remaining, formatWithUnit(pack.remaining, pack.unit));
      setText(usedOfTotal, `${formatWithUnit(pack.used, '')} / ${formatWithUnit(pack.purchased, pack.unit)}`);
      setText(percent, `(${formatPercent(pack.percentUsed)})`);
      setAttr(percent, 'title', levelText(pack.level));
      setText(expires, pack.expires ? `到期 Expires ${pack.expires}` : '');
      expires.hidden = !pack.expires;
      setAttr(element, 'data-level', pack.level);
      setAttr(
        element,
        'aria-label',
        `${pack.label || pack.resourceId} (${levelText(pack.level)}): remaining ${formatWithUnit(pack.remaining, pack.unit)}, ` +
          `used ${formatWithUnit(pack.used, pack.unit)} of ${formatWithUnit(pack.purchased, pack.unit)} (${formatPercent(pack.percentUsed)})`,
      );
    },
  };
}
