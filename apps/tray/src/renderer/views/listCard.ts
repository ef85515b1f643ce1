/**
 * The shape every dashboard section shares: a card with a heading in the page's language, a keyed list of
 * rows, and a line saying there is nothing when the list is empty.
 */
import { h, KeyedList, type Row } from '../dom.js';

export interface ListCardOptions<T> {
  /** `data-section` of the card. */
  section: string;
  titleId: string;
  title: string;
  emptyText: string;
  keyOf: (item: T) => string;
  createRow: (item: T) => Row<T>;
  /** A list of rows (`ul.rows`, labelled by the heading) by default; `div` for blocks (then the card is labelled). */
  list?: { tag: 'div'; class: string };
}

export class ListCard<T> {
  readonly element: HTMLElement;
  private readonly list: KeyedList<T>;
  private readonly empty: HTMLElement;

  constructor(options: ListCardOptions<T>) {
    const labelled = { 'aria-labelledby': options.titleId };
    const listElement = options.list ? h(options.list.tag, { class: options.list.class }) : h('ul', { class: 'rows', ...labelled });
    this.empty = h('p', { class: 'muted empty' }, options.emptyText);
    this.element = h(
      'section',
      { class: 'card', 'data-section': options.section, ...(options.list ? labelled : {}) },
      h('h2', { class: 'card-title', id: options.titleId }, options.title),
      listElement,
      this.empty,
    );
    this.list = new KeyedList(listElement, options.keyOf, options.createRow);
  }

  update(items: readonly T[]): void {
    this.list.update(items);
    this.empty.hidden = items.length > 0;
  }
}
