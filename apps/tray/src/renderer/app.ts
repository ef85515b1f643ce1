/**
 * The popover. An ordinary web page: it gets its bridge from the Electron preload
 * (`window.volcSpeech`) or, in a plain browser (the preview, the Chromium tests), talks HTTP
 * to the preview server on its own origin.
 */
import type { CallErrorView, DashboardSnapshot, TrayBridge, TrayNotification } from '../shared/bridge.js';
import { h } from './dom.js';
import { HttpBridge } from './httpBridge.js';
import { ServiceCommands, serviceKey } from './serviceCommands.js';
import { ErrorBanner } from './views/banner.js';
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

class PopoverApp {
  private snapshot: DashboardSnapshot | null = null;
  private connectionLost = false;
  private readonly commands = new ServiceCommands();
  private readonly confirm = new ConfirmDialog();
  private readonly toasts = new Toasts();
  private readonly header: Header;
  private readonly banner: ErrorBanner;
  private readonly packs = new PacksSection();
  private readonly rateLimits = new RateLimitsSection();
  private readonly trends = new TrendsSection();
  private readonly services: ServicesSection;
  private readonly footer = new Footer();
  private readonly settings: SettingsPanel;
  private readonly dashboard: HTMLElement;
  private readonly loading: HTMLElement;

  constructor(
    private readonly root: HTMLElement,
    private readonly bridge: TrayBridge,
  ) {
    this.header = new Header({
      selectProfile: (id) => void this.attempt('selectProfile', () => this.bridge.selectProfile(id)),
      refresh: () => void this.attempt('refresh', () => this.bridge.refresh()),
      openSettings: () => void this.showSettings(),
    });
    this.banner = new ErrorBanner(() => void this.attempt('refresh', () => this.bridge.refresh()));
    this.services = new ServicesSection({
      toggle: (resourceId, label, pause) => void this.toggleService(resourceId, label, pause),
      dismissError: (resourceId, error) => {
        if (!this.snapshot) return;
        this.commands.dismissError(serviceKey(this.snapshot.activeProfileId, resourceId), error);
        this.renderServices();
      },
    });
    this.settings = new SettingsPanel(bridge, this.confirm, () => this.showDashboard());
    this.loading = h('p', { class: 'loading muted', role: 'status' }, '加载中… Loading…');
    this.dashboard = h(
      'div',
      { class: 'dashboard', 'data-view': 'dashboard' },
      this.header.element,
      this.banner.element,
      h(
        'main',
        { class: 'scroll', 'aria-label': '额度与服务 Quota and services' },
        this.loading,
        this.packs.element,
        this.rateLimits.element,
        this.trends.element,
        this.services.element,
      ),
      this.footer.element,
    );
    for (const section of [this.packs, this.rateLimits, this.trends, this.services]) section.element.hidden = true;
    this.settings.element.hidden = true;
    root.replaceChildren(this.dashboard, this.settings.element, this.toasts.element, this.confirm.element);
    root.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !this.settings.element.hidden && !this.confirm.element.open) this.showDashboard();
    });
  }

  start(): void {
    this.bridge.onSnapshot((snapshot) => this.render(snapshot));
    this.bridge.onNotification((notification) => this.toasts.show(notification));
    // Electron's tray menu can ask for a view ("Settings…"); the preview has no such menu.
    this.bridge.onNavigate?.((view) => (view === 'settings' ? void this.showSettings() : this.showDashboard()));
    if (this.bridge instanceof HttpBridge) {
      this.bridge.onConnectionChange((state) => {
        this.root.dataset.connection = state;
        this.connectionLost = state === 'lost';
        this.renderBanner();
      });
    }
    void this.attempt('getSnapshot', async () => this.render(await this.bridge.getSnapshot()));
  }

  private render(snapshot: DashboardSnapshot): void {
    // A late reply can be older than a pushed snapshot: keep the newest.
    if (this.snapshot && snapshot.now < this.snapshot.now) return;
    this.snapshot = snapshot;
    const { account } = snapshot;
    this.root.dataset.overall = snapshot.overall;
    this.header.update(snapshot);
    this.loading.hidden = true;
    const labels = new Map<string, string>();
    for (const item of [...account.packs, ...account.services]) if (item.label) labels.set(item.resourceId, item.label);
    const labelOf = (resourceId: string): string => labels.get(resourceId) ?? resourceId;
    this.packs.update(account.packs);
    this.rateLimits.update(account.rateLimits, labelOf, snapshot.thresholds);
    this.trends.update(account.usageTrends, labelOf);
    for (const section of [this.packs, this.rateLimits, this.trends, this.services]) section.element.hidden = false;
    this.renderServices();
    this.footer.update(account.lastUpdatedAt, snapshot.now, account.polling);
    this.renderBanner();
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
      this.banner.showCallError(account.error, hasFigures);
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
    if (pause) {
      const confirmed = await this.confirm.ask({
        title: '暂停服务？ Pause the service?',
        message: `“${label}” 将立即停止处理生产流量，直到恢复。 Pausing stops production traffic to “${label}” until you resume it.`,
        confirmLabel: '暂停服务 Pause',
      });
      if (!confirmed) return;
    }
    this.commands.start(key, pause, this.footer.coreNow());
    this.renderServices();
    try {
      const outcome = await this.bridge.setServicePaused(profileId, resourceId, pause);
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

  private async showSettings(): Promise<void> {
    this.dashboard.hidden = true;
    this.settings.element.hidden = false;
    this.root.dataset.view = 'settings';
    await this.settings.open(this.snapshot?.activeProfileId);
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
        title: `操作失败 ${what} failed`,
        body: error instanceof Error ? error.message : String(error),
        level: 'error',
        at: Date.now(),
      };
      this.toasts.show(notification);
    }
  }
}

const root = document.getElementById('app');
if (root) new PopoverApp(root, window.volcSpeech ?? new HttpBridge()).start();
