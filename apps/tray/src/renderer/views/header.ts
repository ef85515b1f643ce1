/** The header: the worst state of all profiles, the profile switcher, refresh and settings. */
import type { DashboardSnapshot } from '../../shared/bridge.js';
import { levelText, profileOptionText } from '../format.js';
import { h, setAttr, setText } from '../dom.js';
import { refreshIcon, settingsIcon } from './icons.js';

export interface HeaderActions {
  selectProfile(profileId: string): void;
  refresh(): void;
  openSettings(): void;
}

export class Header {
  readonly element: HTMLElement;
  private readonly overall: HTMLElement;
  private readonly profileSelect: HTMLSelectElement;
  private readonly refreshButton: HTMLButtonElement;

  constructor(actions: HeaderActions) {
    this.overall = h('span', { class: 'badge level-ok', 'data-field': 'overall', role: 'status' });
    this.profileSelect = h('select', {
      class: 'profile-select',
      id: 'profile-select',
      'aria-label': '账号 Profile',
      onchange: () => actions.selectProfile(this.profileSelect.value),
    });
    this.refreshButton = h(
      'button',
      { type: 'button', class: 'icon-btn', 'data-action': 'refresh', 'aria-label': '刷新 Refresh', title: '刷新 Refresh', onclick: () => actions.refresh() },
      refreshIcon(),
    );
    this.element = h(
      'header',
      { class: 'app-header' },
      h(
        'div',
        { class: 'header-top' },
        h('h1', { class: 'app-title', title: '豆包语音 Doubao Speech' }, h('span', { class: 'logo-dot', 'aria-hidden': 'true' }), '豆包语音'),
        this.overall,
        h('span', { class: 'spacer' }),
        this.refreshButton,
        h(
          'button',
          { type: 'button', class: 'icon-btn', 'data-action': 'open-settings', 'aria-label': '设置 Settings', title: '设置 Settings', onclick: () => actions.openSettings() },
          settingsIcon(),
        ),
      ),
      h('div', { class: 'header-profile' }, h('label', { for: 'profile-select', class: 'muted' }, '账号 Profile'), this.profileSelect),
    );
  }

  update(snapshot: DashboardSnapshot): void {
    setText(this.overall, levelText(snapshot.overall));
    setAttr(this.overall, 'class', `badge level-${snapshot.overall}`);
    setAttr(this.overall, 'title', '所有账号中最差的状态 Worst state across all profiles');
    setAttr(this.overall, 'aria-label', `总体 Overall: ${levelText(snapshot.overall)}`);
    this.refreshButton.classList.toggle('is-spinning', snapshot.account.polling);

    // Rebuild the options only when they change, so an open dropdown is not reset by a poll.
    const wanted = snapshot.profiles.map((p) => ({ value: p.id, text: profileOptionText(p) }));
    const options = Array.from(this.profileSelect.options);
    const same = options.length === wanted.length && options.every((o, i) => o.value === wanted[i]!.value && o.text === wanted[i]!.text);
    if (!same) {
      this.profileSelect.replaceChildren(...wanted.map((w) => h('option', { value: w.value }, w.text)));
    }
    if (this.profileSelect.value !== snapshot.activeProfileId) this.profileSelect.value = snapshot.activeProfileId;
  }
}
