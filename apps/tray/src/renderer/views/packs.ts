/** Resource packs: what is left per product (purchased − used), with a ring of the share used. */
import type { PackBalanceView } from '../../shared/bridge.js';
import { formatPercent, formatWithUnit, levelText } from '../format.js';
import { i18n } from '../i18n.js';
import { h, setAttr, setText, type Row } from '../dom.js';
import { RingGauge } from './gauges.js';
import { ListCard } from './listCard.js';

export class PacksSection {
  private readonly card = new ListCard<PackBalanceView>({
    section: 'packs',
    titleId: 'packs-title',
    title: i18n().t('section.packs'),
    emptyText: i18n().t('section.packsEmpty'),
    keyOf: (pack) => pack.resourceId,
    createRow: (pack) => createPackRow(pack, () => this.now),
  });
  readonly element = this.card.element;
  private now = Date.now();

  /** Packs in the order the core sends them: worst level first, then product importance. */
  update(packs: readonly PackBalanceView[], now: number): void {
    this.now = now;
    this.card.update(packs);
  }
}

/** "in 5 days (Dec 5, 2026)" for the earliest pack that still has balance. */
export function expiryText(pack: Pick<PackBalanceView, 'expires' | 'expiresAt'>, now: number): string {
  if (!pack.expires) return '';
  const { t, relativeDays, date } = i18n();
  if (pack.expiresAt === undefined) return t('pack.expires', { relative: pack.expires, date: pack.expires });
  const days = Math.ceil((pack.expiresAt - now) / 86_400_000);
  return t(days < 0 ? 'pack.expired' : 'pack.expires', { relative: relativeDays(days), date: date(pack.expiresAt) });
}

function createPackRow(initial: PackBalanceView, now: () => number): Row<PackBalanceView> {
  const gauge = new RingGauge();
  const label = h('span', { class: 'row-title' });
  const remaining = h('span', { class: 'figure', 'data-field': 'remaining' });
  const usedOfTotal = h('span', { 'data-field': 'used-of-total' });
  const percent = h('span', { class: 'level-text', 'data-field': 'percent-used' });
  const expires = h('span', { class: 'muted expires', 'data-field': 'expires' });
  const element = h(
    'li',
    { class: 'pack-row', 'data-resource-id': initial.resourceId },
    gauge.element,
    h(
      'div',
      { class: 'row-body' },
      h('div', { class: 'row-head' }, label),
      h('div', { class: 'pack-remaining' }, h('span', { class: 'muted' }, `${i18n().t('pack.left')} `), remaining),
      h('div', { class: 'pack-used muted' }, usedOfTotal, ' · ', percent),
      expires,
    ),
  );
  return {
    element,
    update(pack) {
      const { t } = i18n();
      gauge.update(pack.percentUsed, pack.level);
      setText(label, pack.label || pack.resourceId);
      setAttr(label, 'title', pack.resourceId);
      setText(remaining, formatWithUnit(pack.remaining, pack.unit));
      setText(usedOfTotal, t('pack.used', { used: formatWithUnit(pack.used, ''), total: formatWithUnit(pack.purchased, pack.unit) }));
      setText(percent, t('pack.percentUsed', { percent: formatPercent(pack.percentUsed) }));
      setAttr(percent, 'title', levelText(pack.level));
      const expiry = expiryText(pack, now());
      setText(expires, expiry);
      expires.hidden = !expiry;
      setAttr(element, 'data-level', pack.level);
      setAttr(
        element,
        'aria-label',
        t('pack.aria', {
          resource: pack.label || pack.resourceId,
          level: levelText(pack.level),
          left: formatWithUnit(pack.remaining, pack.unit),
          used: formatWithUnit(pack.used, pack.unit),
          total: formatWithUnit(pack.purchased, pack.unit),
          percent: formatPercent(pack.percentUsed),
        }),
      );
    },
  };
}
