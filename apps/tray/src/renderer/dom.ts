/**
 * The few DOM helpers the renderer needs. Everything is built with createElement and
 * textContent: no HTML strings, so nothing a service returns can become markup, and the
 * page runs under a CSP without 'unsafe-inline'.
 */

type Child = Node | string | number | null | undefined | false;
type AttrValue = string | number | boolean | null | undefined;
type Attrs = Record<string, AttrValue>;
/** `onclick`, `onsubmit` … typed with their event; any other key is an attribute. */
type Props = { [K in keyof HTMLElementEventMap as `on${K}`]?: (event: HTMLElementEventMap[K]) => void } & {
  [name: string]: AttrValue | ((event: never) => void);
};

/** Create an HTML element: attributes (false/null skip one), `on<event>` handlers, children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value as EventListener);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else if (value !== false && value !== null && value !== undefined) {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Create an SVG element with attributes. */
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== false && value !== null && value !== undefined) element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

function append(parent: Element, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(typeof child === 'number' ? String(child) : child);
  }
}

/** Replace all children of an element. */
export function setChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** Set text only when it changed, so screen readers and selections are not disturbed on every poll. */
export function setText(element: Element, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

/** Set or remove an attribute only when it changed. */
export function setAttr(element: Element, name: string, value: string | null): void {
  if (value === null) {
    if (element.hasAttribute(name)) element.removeAttribute(name);
  } else if (element.getAttribute(name) !== value) {
    element.setAttribute(name, value);
  }
}

/** A row of a keyed list: built once, updated on every snapshot (keeps focus and hover). */
export interface Row<T> {
  element: Element;
  update(item: T): void;
}

/**
 * Keep the children of `container` in step with `items` by key: new keys get a row, gone
 * keys lose theirs, the rest are updated in place and put in order. A keyboard user's focus
 * on a toggle survives the next poll this way.
 */
export class KeyedList<T> {
  private readonly rows = new Map<string, Row<T>>();

  constructor(
    private readonly container: Element,
    private readonly keyOf: (item: T) => string,
    private readonly create: (item: T) => Row<T>,
  ) {}

  update(items: readonly T[]): void {
    const seen = new Set<string>();
    let previous: Element | null = null;
    for (const item of items) {
      const key = this.keyOf(item);
      seen.add(key);
      let row = this.rows.get(key);
      if (!row) {
        row = this.create(item);
        this.rows.set(key, row);
      }
      row.update(item);
      const expectedPosition: ChildNode | null = previous ? previous.nextSibling : this.container.firstChild;
      if (expectedPosition !== row.element) this.container.insertBefore(row.element, expectedPosition);
      previous = row.element;
    }
    for (const [key, row] of this.rows) {
      if (!seen.has(key)) {
        row.element.remove();
        this.rows.delete(key);
      }
    }
  }

  get size(): number {
    return this.rows.size;
  }
}
