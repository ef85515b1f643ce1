/** Inline SVG gauges: a ring for resource-pack spend, a bar for rate-limit use. */
import type { TrayLevel } from '../../shared/bridge.js';
import { formatPercent } from '../format.js';
import { setAttr, setText, svg } from '../dom.js';

const RING_RADIUS = 22;
const RING_CIRCUMFERENCE = 2 * Math.PI * RING_RADIUS;

function clampPercent(percent: number): number {
  return Number.isFinite(percent) ? Math.min(100, Math.max(0, percent)) : 0;
}

/** A 56 px ring filled to the percentage used, the number in its middle. */
export class RingGauge {
  readonly element: SVGSVGElement;
  private readonly arc: SVGCircleElement;
  private readonly label: SVGTextElement;

  constructor() {
    this.arc = svg('circle', {
      class: 'ring-arc',
      cx: 28,
      cy: 28,
      r: RING_RADIUS,
      'stroke-dasharray': `0 ${RING_CIRCUMFERENCE}`,
      transform: 'rotate(-90 28 28)',
    });
    this.label = svg('text', { class: 'ring-label', x: 28, y: 28, 'text-anchor': 'middle', 'dominant-baseline': 'central' });
    this.element = svg(
      'svg',
      { class: 'ring', viewBox: '0 0 56 56', width: 56, height: 56, 'aria-hidden': 'true', focusable: 'false' },
      svg('circle', { class: 'ring-track', cx: 28, cy: 28, r: RING_RADIUS }),
      this.arc,
      this.label,
    );
  }

  update(percentUsed: number, level: TrayLevel): void {
    const filled = (clampPercent(percentUsed) / 100) * RING_CIRCUMFERENCE;
    setAttr(this.arc, 'stroke-dasharray', `${filled.toFixed(2)} ${RING_CIRCUMFERENCE.toFixed(2)}`);
    setAttr(this.element, 'class', `ring level-${level}`);
    setText(this.label, Number.isFinite(percentUsed) ? `${Math.round(percentUsed)}%` : '–');
  }
}

/** A thin horizontal bar; the caller puts the figures in text beside it. */
export class MeterBar {
  readonly element: SVGSVGElement;
  private readonly fill: SVGRectElement;

  constructor() {
    this.fill = svg('rect', { class: 'meter-fill', x: 0, y: 0, width: 0, height: 6, rx: 3 });
    this.element = svg(
      'svg',
      { class: 'meter', viewBox: '0 0 100 6', preserveAspectRatio: 'none', 'aria-hidden': 'true', focusable: 'false' },
      svg('rect', { class: 'meter-track', x: 0, y: 0, width: 100, height: 6, rx: 3 }),
      this.fill,
    );
  }

  update(percent: number, level: TrayLevel): void {
    setAttr(this.fill, 'width', clampPercent(percent).toFixed(2));
    setAttr(this.element, 'class', `meter level-${level}`);
    setAttr(this.element, 'data-percent', formatPercent(percent));
  }
}
