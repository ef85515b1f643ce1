/**
 * The usage of the last hours as a small area chart. Drawn in a fixed 300×56 viewBox
 * stretched to the card's width; the labels are HTML beside it so they do not stretch.
 */
import type { UsageTrendView } from '../../shared/bridge.js';
import { formatAmount, formatWithUnit, shortTimeLabel } from '../format.js';
import { h, setAttr, setText, svg } from '../dom.js';
import { i18n } from '../i18n.js';

const WIDTH = 300;
const HEIGHT = 56;
const TOP_PADDING = 4;

export interface TrendGeometry {
  /** SVG path of the line through the points, in the 300×56 viewBox. */
  line: string;
  /** The line closed down to the baseline. */
  area: string;
  /** Where the last point sits (the dot). */
  last: { x: string; y: string };
  max: number;
}

/**
 * The chart's shapes for the finite points, or null when there are none. The highest point
 * touches the top padding; a single point sits in the middle; all-zero points lie on the baseline.
 */
export function trendGeometry(values: readonly number[]): TrendGeometry | null {
  if (values.length === 0) return null;
  const max = Math.max(...values, 0);
  const scale = max > 0 ? (HEIGHT - TOP_PADDING) / max : 0;
  const step = values.length > 1 ? WIDTH / (values.length - 1) : 0;
  const coords = values.map((v, i) => [values.length > 1 ? i * step : WIDTH / 2, HEIGHT - v * scale] as const);
  const line = coords.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
  const first = coords[0]!;
  const last = coords[coords.length - 1]!;
  return {
    line,
    area: `${line} L${last[0].toFixed(1)},${HEIGHT} L${first[0].toFixed(1)},${HEIGHT} Z`,
    last: { x: last[0].toFixed(1), y: last[1].toFixed(1) },
    max,
  };
}

export class TrendChart {
  readonly element: HTMLElement;
  private readonly title: HTMLElement;
  private readonly total: HTMLElement;
  private readonly chart: SVGSVGElement;
  private readonly area: SVGPathElement;
  private readonly line: SVGPathElement;
  private readonly lastDot: SVGCircleElement;
  private readonly maxLabel: HTMLElement;
  private readonly firstLabel: HTMLElement;
  private readonly lastLabel: HTMLElement;
  private readonly empty: HTMLElement;

  constructor() {
    this.title = h('span', { class: 'trend-title' });
    this.total = h('span', { class: 'trend-total' });
    this.area = svg('path', { class: 'trend-area' });
    this.line = svg('path', { class: 'trend-line' });
    this.lastDot = svg('circle', { class: 'trend-dot', r: 2.5, cx: 0, cy: 0 });
    this.chart = svg(
      'svg',
      { class: 'trend-chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, preserveAspectRatio: 'none', role: 'img' },
      svg('line', { class: 'trend-baseline', x1: 0, y1: HEIGHT - 0.5, x2: WIDTH, y2: HEIGHT - 0.5 }),
      this.area,
      this.line,
      this.lastDot,
    );
    this.maxLabel = h('span', { class: 'trend-max' });
    this.firstLabel = h('span');
    this.lastLabel = h('span');
    this.empty = h('p', { class: 'muted trend-empty' }, i18n().t('trend.empty'));
    this.element = h(
      'div',
      { class: 'trend' },
      h('div', { class: 'trend-head' }, this.title, this.total),
      h('div', { class: 'trend-plot' }, this.chart, this.maxLabel),
      h('div', { class: 'trend-axis' }, this.firstLabel, this.lastLabel),
      this.empty,
    );
  }

  update(trend: UsageTrendView, resourceLabel: string): void {
    setText(this.title, resourceLabel);
    const points = trend.points.filter((p) => Number.isFinite(p.value));
    const sum = points.reduce((acc, p) => acc + p.value, 0);
    setText(this.total, i18n().t('trend.total', { amount: formatWithUnit(sum, trend.unit) }));
    const geometry = trendGeometry(points.map((p) => p.value));
    this.empty.hidden = geometry !== null;
    this.chart.classList.toggle('is-empty', geometry === null);
    if (geometry === null) {
      setAttr(this.area, 'd', '');
      setAttr(this.line, 'd', '');
      setText(this.maxLabel, '');
      setText(this.firstLabel, '');
      setText(this.lastLabel, '');
      setAttr(this.chart, 'aria-label', i18n().t('trend.ariaEmpty', { resource: resourceLabel }));
      return;
    }
    const { max } = geometry;
    setAttr(this.line, 'd', geometry.line);
    setAttr(this.area, 'd', geometry.area);
    setAttr(this.lastDot, 'cx', geometry.last.x);
    setAttr(this.lastDot, 'cy', geometry.last.y);
    setText(this.maxLabel, `↑ ${formatAmount(max)}`);
    setText(this.firstLabel, shortTimeLabel(points[0]!.label));
    setText(this.lastLabel, points.length > 1 ? shortTimeLabel(points[points.length - 1]!.label) : '');
    setAttr(this.chart, 'aria-label', i18n().t('trend.aria', { resource: resourceLabel, max: formatWithUnit(max, trend.unit) }));
  }
}
