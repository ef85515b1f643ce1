/**
 * The popover. An ordinary web page: it gets its bridge from the Electron preload
 * (`window.volcSpeech`) or, in a plain browser (the preview, the Chromium tests), talks HTTP
 * to the preview server on its own origin.
 *
 * One language at a time: the views are built in the snapshot's language, and built again
 * when it changes (the setting, or the OS locale).
 */
import type { CallErrorView, DashboardSnapshot, ServiceView, TrayBridge, TrayLevel, TrayNotification } from '../shared/bridge.js';
import { levelRank } from '../shared/levels.js';
import { h } from './dom.js';
import { HttpBridge } from './httpBridge.js';
import { i18n, setLocale } from './i18n.js';
import { ServiceCommands, serviceKey } from './serviceCommands.js';
import { ErrorBanner, PausedBanner } from './views/banner.js';
import { ConfirmDialog } from './views/confirmDialog.js';
import { Footer } from './views/footer.js';
import { Header } from './views/header.js';
import { PacksSection } from './views/packs.js';
import { RateLimitsSection } from './views/rateLimits.js';
import { ServicesSection, type ServiceItem } from './views/services.js';
import { SettingsPanel } from './views/settings.js';
import { Toasts } from './views/toasts.js';
import { TrendsSection } from './views/trends.js';

declare global {
  interface Window {
    /** Set by the Electron preload through contextBridge. */
    volcSpeech?: TrayBridge;
  }
}

/** Non-blocking failures (monitoring) cost their own figures only; they do not make the rest stale. */
const NON_BLOCKING_ACTIONS = new Set(['QuotaMonitoring', 'UsageMonitoring']);

class PopoverApp {
  private snapshot: DashboardSnapshot | null = null;
  private connectionLost = false;
  private readonly commands = new ServiceCommands();
  private readonly confirm = new ConfirmDialog();
  private readonly toasts = new Toasts();
  private readonly header: Header;
  private readonly banner: ErrorBanner;
  private readonly pausedBanner: PausedBanner;
  private readonly demoNotice: HTMLElement;
  private readonly packs = new PacksSection();
  private readonly rateLimits = new RateLimitsSection();
  private readonly trends = new TrendsSection();
  private readonly services: ServicesSection;
  private readonly footer = new Footer();
  private readonly settings: SettingsPanel;
  private readonly dashboard: HTMLElement;
  private readonly main: HTMLElement;
  private readonly loading: HTMLElement;
  private readonly cleanups: Array<() => void> = [];

  constructor(
    private readonly root: HTMLElement,
    private readonly bridge: TrayBridge,
    private readonly onLocaleChange: (snapshot: DashboardSnapshot, view: 'dashboard' | 'settings') => void,
  ) {
    const { t } = i18n();
    const refresh = () => this.attempt('refresh', () => this.bridge.refresh());
    this.header = new Header({
      selectProfile: (id) => void this.attempt('selectProfile', () => this.bridge.selectProfile(id)),
      refresh: () => void refresh(),
      openSettings: () => void this.showSettings(),
    });
    this.banner = new ErrorBanner(refresh);
    this.pausedBanner = new PausedBanner((service: ServiceView) => void this.toggleService(service.resourceId, service.label, false));
    this.services = new ServicesSection({
      toggle: (resourceId, label, pause) => void this.toggleService(resourceId, label, pause),
      dismissError: (resourceId, error) => {
        if (!this.snapshot) return;
        this.commands.dismissError(serviceKey(this.snapshot.activeProfileId, resourceId), error);
        this.renderServices();
      },
    });
    this.settings = new SettingsPanel(bridge, this.confirm, () => this.showDashboard(), (profileId) => {
      void this.attempt('selectProfile', () => this.bridge.selectProfile(profileId));
      this.showDashboard();
    });
    this.loading = h('p', { class: 'loading muted', role: 'status' }, t('app.loading'));
    this.demoNotice = h(
      'div',
      { class: 'demo-notice', 'data-field': 'demo-notice' },
      h('span', {}, t('firstRun.demoNote')),
      h('button', { type: 'button', class: 'btn btn-small btn-primary', 'data-action': 'connect-account', onclick: () => void this.showSettings(true) }, t('firstRun.connectReal')),
    );
    this.demoNotice.hidden = true;
    this.main = h(
      'main',
      { class: 'scroll', 'aria-label': t('section.quota') },
      this.loading,
      this.demoNotice,
      this.packs.element,
      this.rateLimits.element,
      this.services.element,
      this.trends.element,
    );
    this.dashboard = h('div', { class: 'dashboard', 'data-view': 'dashboard' }, this.header.element, this.pausedBanner.element, this.banner.element, this.main, this.footer.element);
    for (const section of [this.packs, this.rateLimits, this.trends, this.services]) section.element.hidden = true;
    this.settings.element.hidden = true;
    root.replaceChildren(this.dashboard, this.settings.element, this.toasts.element, this.confirm.element);
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !this.settings.element.hidden && !this.confirm.element.open) this.showDashboard();
    };
    root.addEventListener('keydown', onKey);
    this.cleanups.push(() => root.removeEventListener('keydown', onKey));
  }

  start(initial: DashboardSnapshot | null, view: 'dashboard' | 'settings'): void {
    this.cleanups.push(this.bridge.onSnapshot((snapshot) => this.render(snapshot)));
    this.cleanups.push(this.bridge.onNotification((notification) => this.toasts.show(notification)));
    // Electron's tray menu can ask for a view ("Settings…"); the preview has no such menu.
    const offNavigate = this.bridge.onNavigate?.((v) => (v === 'settings' ? void this.showSettings() : this.showDashboard()));
    if (offNavigate) this.cleanups.push(offNavigate);
    if (this.bridge instanceof HttpBridge) {
      this.cleanups.push(
        this.bridge.onConnectionChange((state) => {
          this.root.dataset.connection = state;
          this.connectionLost = state === 'lost';
          this.renderBanner();
          this.renderStale();
        }),
      );
    }
    // Fresh figures when the popover opens, when the network comes back: never wait for the next poll.
    const onVisible = () => {
      if (document.visibilityState === 'visible') void this.attempt('refresh', () => this.bridge.refresh());
    };
    const onOnline = () => void this.attempt('refresh', () => this.bridge.refresh());
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('online', onOnline);
    const ticker = window.setInterval(() => this.tick(), 1000);
    this.cleanups.push(
      () => document.removeEventListener('visibilitychange', onVisible),
      () => window.removeEventListener('online', onOnline),
      () => window.clearInterval(ticker),
    );
    if (initial) this.render(initial);
    else void this.attempt('getSnapshot', async () => this.render(await this.bridge.getSnapshot()));
    if (view === 'settings') void this.showSettings();
  }

  dispose(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }

  private render(snapshot: DashboardSnapshot): void {
    // A late reply can be older than a pushed snapshot: keep the newest.
    if (this.snapshot && snapshot.now < this.snapshot.now) return;
    if (snapshot.locale && snapshot.locale !== i18n().locale) {
      this.onLocaleChange(snapshot, this.settings.element.hidden ? 'dashboard' : 'settings');
      return;
    }
    this.snapshot = snapshot;
    const { account } = snapshot;
    this.root.dataset.overall = snapshot.overall;
    this.root.dataset.level = account.level;
    this.header.update(snapshot);
    this.loading.hidden = true;
    this.demoNotice.hidden = !(snapshot.profiles.every((p) => p.usesEmulator) && snapshot.profiles.some((p) => p.id === snapshot.activeProfileId && p.usesEmulator));
    const labels = new Map<string, string>();
    for (const item of [...account.packs, ...account.services]) if (item.label) labels.set(item.resourceId, item.label);
    const labelOf = (resourceId: string): string => labels.get(resourceId) ?? resourceId;
    this.packs.update(account.packs, snapshot.now);
    this.rateLimits.update(account.rateLimits, labelOf, snapshot.thresholds);
    this.trends.update(account.usageTrends, labelOf);
    for (const section of [this.packs, this.rateLimits, this.trends, this.services]) section.element.hidden = false;
    this.orderCards(account);
    // "Nothing found for these services" says it in the headline; an empty packs card would say "no packs".
    this.packs.element.hidden = account.headline.nothingFound;
    this.renderServices();
    this.pausedBanner.update(account.services);
    this.renderStale();
    this.renderBanner();
  }

  /** The card holding the worst figure comes first (packs before rate limits when they tie). */
  private orderCards(account: DashboardSnapshot['account']): void {
    const worst = (levels: TrayLevel[]) => Math.max(-1, ...levels.map(levelRank));
    const packs = worst(account.packs.map((p) => p.level));
    const rates = worst(account.rateLimits.map((r) => r.level ?? 'ok'));
    const [first, second] = rates > packs ? [this.rateLimits.element, this.packs.element] : [this.packs.element, this.rateLimits.element];
    if (first.nextElementSibling !== second) this.main.insertBefore(first, second);
    if (second.previousElementSibling !== first) this.main.insertBefore(second, this.services.element);
  }

  /** Figures from before a failed poll (or a lost backend) are dimmed and say since when. */
  private renderStale(): void {
    const account = this.snapshot?.account;
    if (!account || !this.snapshot) return;
    const failed = account.error !== null && !NON_BLOCKING_ACTIONS.has(account.error.action);
    const stale = (failed || this.connectionLost) && account.lastUpdatedAt !== null;
    this.main.classList.toggle('is-stale', stale);
    this.main.dataset.stale = stale ? 'true' : 'false';
    this.footer.update(account.lastUpdatedAt, this.snapshot.now, account.polling, stale);
  }

  private tick(): void {
    this.footer.tick();
    this.banner.tick(this.footer.coreNow());
  }

  private renderServices(): void {
    const snapshot = this.snapshot;
    if (!snapshot) return;
    const items: ServiceItem[] = snapshot.account.services.map((service) => {
      const key = serviceKey(snapshot.activeProfileId, service.resourceId);
      return {
        resourceId: service.resourceId,
        label: service.label,
        display: this.commands.display(key, service, snapshot.now),
        busy: this.commands.isInFlight(key),
      };
    });
    this.services.update(items);
  }

  private renderBanner(): void {
    const account = this.snapshot?.account;
    if (account?.error) {
      const hasFigures = account.packs.length + account.rateLimits.length + account.services.length > 0;
      this.banner.showCallError(account.error, hasFigures, account.nextPollAt, this.footer.coreNow());
    } else if (this.connectionLost) {
      this.banner.showDisconnected();
    } else {
      this.banner.hide();
    }
  }

  private async toggleService(resourceId: string, label: string, pause: boolean): Promise<void> {
    const profileId = this.snapshot?.activeProfileId;
    if (!profileId) return;
    const key = serviceKey(profileId, resourceId);
    if (this.commands.isInFlight(key)) return;
    const { t } = i18n();
    // Both directions need the user's yes: a pause stops production traffic, a resume bills it again.
    const confirmed = await this.confirm.ask(
      pause
        ? { title: t('confirm.pauseTitle'), message: t('confirm.pauseMessage', { resource: label }), confirmLabel: t('confirm.pauseButton') }
        : { title: t('confirm.resumeTitle'), message: t('confirm.resumeMessage', { resource: label }), confirmLabel: t('confirm.resumeButton') },
    );
    if (!confirmed) return;
    this.commands.start(key, pause, this.footer.coreNow());
    this.renderServices();
    try {
      // The backend runs the command only with a one-time token for exactly this confirmation.
      const { token } = await this.bridge.confirmCommand({ operation: pause ? 'pause' : 'resume', profileId, resourceId });
      const outcome = await this.bridge.setServicePaused(profileId, resourceId, pause, token);
      this.commands.settle(key, outcome, this.footer.coreNow());
    } catch (error) {
      const failure: CallErrorView = {
        action: pause ? 'PauseService' : 'ResumeService',
        code: 'BridgeError',
        message: error instanceof Error ? error.message : String(error),
        at: this.footer.coreNow(),
      };
      this.commands.fail(key, failure, this.footer.coreNow());
    }
    this.renderServices();
  }

  private async showSettings(firstRun = false): Promise<void> {
    this.dashboard.hidden = true;
    this.settings.element.hidden = false;
    this.root.dataset.view = firstRun ? 'first-run' : 'settings';
    await this.settings.open(firstRun ? undefined : this.snapshot?.activeProfileId, firstRun);
    this.settings.focusFirst();
  }

  private showDashboard(): void {
    this.settings.element.hidden = true;
    this.dashboard.hidden = false;
    this.root.dataset.view = 'dashboard';
    this.root.querySelector<HTMLElement>('[data-action="open-settings"]')?.focus();
  }

  /** Run a bridge call; a failure of the call itself becomes an error toast. */
  private async attempt(what: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      const notification: TrayNotification = {
        id: `local-${what}-${Date.now()}`,
        title: i18n().t('app.actionFailed', { what }),
        body: error instanceof Error ? error.message : String(error),
        level: 'error',
        at: Date.now(),
      };
      this.toasts.show(notification);
    }
  }
}

/** Builds the page in the snapshot's language; builds it again when the language changes. */
function mount(root: HTMLElement, bridge: TrayBridge): void {
  let app: PopoverApp | null = null;
  const build = (snapshot: DashboardSnapshot | null, view: 'dashboard' | 'settings') => {
    app?.dispose();
    setLocale(snapshot?.locale ?? i18n().locale);
    app = new PopoverApp(root, bridge, (next, currentView) => build(next, currentView));
    app.start(snapshot, view);
  };
  build(null, 'dashboard');
}

const root = document.getElementById('app');
if (root) mount(root, window.volcSpeech ?? new HttpBridge());
