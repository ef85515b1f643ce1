/**
 * The in-page confirmation a pause or resume needs (one stops production traffic, the other
 * bills it again); a yes is what obtains the backend's one-time token. A modal <dialog>:
 * focus stays inside, Esc cancels, and "Cancel" has the initial focus so Enter alone never
 * pauses anything.
 */
import { h, setText } from '../dom.js';
import { i18n } from '../i18n.js';

export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  cancelLabel?: string;
}

export class ConfirmDialog {
  readonly element: HTMLDialogElement;
  private readonly title: HTMLElement;
  private readonly message: HTMLElement;
  private readonly confirmButton: HTMLButtonElement;
  private readonly cancelButton: HTMLButtonElement;
  private settle: ((confirmed: boolean) => void) | null = null;

  constructor() {
    this.title = h('h2', { id: 'confirm-title', class: 'dialog-title' });
    this.message = h('p', { id: 'confirm-message', class: 'dialog-message' });
    this.cancelButton = h('button', { type: 'button', class: 'btn', 'data-action': 'cancel', onclick: () => this.close(false) });
    this.confirmButton = h('button', {
      type: 'button',
      class: 'btn btn-danger',
      'data-action': 'confirm',
      onclick: () => this.close(true),
    });
    this.element = h(
      'dialog',
      { class: 'dialog', 'aria-labelledby': 'confirm-title', 'aria-describedby': 'confirm-message' },
      this.title,
      this.message,
      h('div', { class: 'dialog-actions' }, this.cancelButton, this.confirmButton),
    );
    // Esc (and any other way the dialog closes) counts as "no".
    this.element.addEventListener('close', () => this.close(false));
  }

  /** Resolves true only when the user pressed the confirm button. */
  ask(request: ConfirmRequest): Promise<boolean> {
    this.close(false);
    setText(this.title, request.title);
    setText(this.message, request.message);
    setText(this.confirmButton, request.confirmLabel);
    setText(this.cancelButton, request.cancelLabel ?? i18n().t('confirm.cancel'));
    const answer = new Promise<boolean>((resolve) => {
      this.settle = resolve;
    });
    this.element.showModal();
    this.cancelButton.focus();
    return answer;
  }

  private close(confirmed: boolean): void {
    const settle = this.settle;
    this.settle = null;
    if (this.element.open) this.element.close();
    settle?.(confirmed);
  }
}
