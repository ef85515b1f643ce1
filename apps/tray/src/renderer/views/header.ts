/**
 * The header: the viewed account's state as one headline ("严重 · QPS 97%"), what is left of
 * its main product and today's rate-limit peak, "N other accounts need attention" (a button
 * that goes there), the account switcher, refresh and settings. One account never masks
 * another: the badge is the viewed account's level, the others are counted beside it.
 */
import type { DashboardSnapshot, ProfileSummary } from '../../shared/bridge.js';
import { causeText } from '../../shared/headlineText.js';
import { levelRank } from '../../shared/levels.js';
import { formatPercent, formatWithUnit, levelText, profileOptionText, quotaTypeText } from '../format.js';
import { i18n } from '../i18n.js';
import { h, setAttr, setText } from '../dom.js';
import { refreshIcon, settingsIcon } from './icons.js';

export interface HeaderActions {
  selectProfile(profileId: string): void;
  refresh(): void;
  openSettings(): void;
}

/** The accounts the app's state counts: the demo only while no real account exists. */
export function countedProfiles(profiles: readonly ProfileSummary[]): ProfileSummary[] {
  const real = profiles.filter((p) => !p.usesEmulator);
  return real.length > 0 ? real : [...profiles];
}

/** Other counted accounts that need attention, the worst first. */
export function othersNeedingAttention(snapshot: Pick<DashboardSnapshot, 'profiles' | 'activeProfileId'>): ProfileSummary[] {
  return countedProfiles(snapshot.profiles)
    .filter((p) => p.id !== snapshot.activeProfileId && p.level !== 'ok')
    .sort((a, b) => levelRank(b.level) - levelRank(a.level));
}

export class Header {
  readonly element: HTMLElement;
  private readonly badge: HTMLElement;
  private readonly headline: HTMLElement;
  private readonly mainLine: HTMLElement;
  private readonly rateLine: HTMLElement;
  private readonly others: HTMLButtonElement;
  private readonly profileSelect: HTMLSelectElement;
  private readonly refreshButton: HTMLButtonElement;
  private othersTarget: string | null = null;

  constructor(actions: HeaderActions) {
    const { t } = i18n();
    this.badge = h('span', { class: 'level-dot level-ok', 'data-field': 'account-level', 'aria-hidden': 'true' });
    this.headline = h('p', { class: 'headline', 'data-field': 'headline', role: 'status' });
    this.mainLine = h('p', { class: 'headline-sub', 'data-field': 'headline-main' });
    this.rateLine = h('p', { class: 'headline-sub', 'data-field': 'headline-rate' });
    this.others = h('button', {
      type: 'button',
      class: 'others',
      'data-action': 'show-other-account',
      'data-field': 'others',
      onclick: () => {
        if (this.othersTarget) actions.selectProfile(this.othersTarget);
      },
    });
    this.others.hidden = true;
    this.profileSelect = h('select', {
      class: 'profile-select',
      id: 'profile-select',
      'aria-label': t('header.profile'),
      onchange: () => actions.selectProfile(this.profileSelect.value),
    });
    this.refreshButton = h(
      'button',
      { type: 'button', class: 'icon-btn', 'data-action': 'refresh', 'aria-label': t('header.refresh'), title: t('header.refresh'), onclick: () => actions.refresh() },
      refreshIcon(),
    );
    this.element = h(
      'header',
      { class: 'app-header' },
      h(
        'div',
        { class: 'header-top' },
        h('h1', { class: 'app-title' }, h('span', { class: 'logo-dot', 'aria-hidden': 'true' }), t('app.name')),
        h('span', { class: 'spacer' }),
        this.refreshButton,
        h(
          'button',
          { type: 'button', class: 'icon-btn', 'data-action': 'open-settings', 'aria-label': t('header.settings'), title: t('header.settings'), onclick: () => actions.openSettings() },
          settingsIcon(),
        ),
      ),
      h('div', { class: 'header-profile' }, h('label', { for: 'profile-select', class: 'muted' }, t('header.profile')), this.profileSelect),
      h('div', { class: 'headline-box', 'data-section': 'headline' }, h('div', { class: 'headline-row' }, this.badge, this.headline), this.mainLine, this.rateLine, this.others),
    );
  }

  update(snapshot: DashboardSnapshot): void {
    const { t } = i18n();
    const { account } = snapshot;
    const headline = account.headline;
    const labels = new Map<string, string>();
    for (const item of [...account.packs, ...account.services]) if (item.label) labels.set(item.resourceId, item.label);
    for (const rate of account.rateLimits) if (rate.label) labels.set(rate.resourceId, rate.label);
    const labelOf = (id: string): string => labels.get(id) ?? id;

    setAttr(this.badge, 'class', `level-dot level-${account.level}`);
    setAttr(this.element, 'data-level', account.level);
    const measured = account.lastUpdatedAt !== null || account.error !== null;
    const cause = measured ? causeText(headline, i18n(), labelOf) : t('headline.waiting');
    setText(this.headline, cause ? `${levelText(account.level)} · ${cause}` : levelText(account.level));
    setAttr(this.headline, 'class', `headline level-${account.level}`);

    const mainId = headline.mainResourceId;
    let main = '';
    if (headline.nothingFound) main = t('headline.nothingFound');
    else if (mainId && headline.main) {
      main = t('headline.mainLeft', { resource: labelOf(mainId), amount: formatWithUnit(headline.main.remaining, headline.main.unit), percent: formatPercent(headline.main.percentLeft) });
    } else if (mainId && account.lastUpdatedAt !== null) main = t('headline.mainNone', { resource: labelOf(mainId) });
    setText(this.mainLine, main);
    this.mainLine.hidden = !main;
    setAttr(this.mainLine, 'data-nothing-found', headline.nothingFound ? 'true' : null);

    const peak = headline.ratePeak;
    const rate = peak ? t('headline.ratePeak', { quotaType: quotaTypeText(peak.quotaType), percent: formatPercent(peak.percent) }) : '';
    setText(this.rateLine, rate);
    this.rateLine.hidden = !rate;

    const others = othersNeedingAttention(snapshot);
    this.others.hidden = others.length === 0;
    this.othersTarget = others[0]?.id ?? null;
    if (others.length > 0) {
      const text = others.length === 1 ? t('headline.others.one') : t('headline.others.many', { count: others.length });
      setText(this.others, `${text} →`);
      setAttr(this.others, 'title', t('headline.others.go', { name: others[0]!.name }));
      setAttr(this.others, 'data-level', others[0]!.level);
      setAttr(this.others, 'data-count', String(others.length));
    }
    this.refreshButton.classList.toggle('is-spinning', account.polling);

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
