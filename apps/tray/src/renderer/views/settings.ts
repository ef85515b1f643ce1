/**
 * Settings per profile. The secret is write-only: the field is always empty, says "stored
 * in keychain" when one is, and is cleared the moment a save succeeds. Nothing the bridge
 * returns carries a secret, so nothing here can show one.
 */
import type { ConnectionTestResult, ProfileInput, ProfileSettingsView, SettingsView, TrayBridge } from '../../shared/bridge.js';
import { PROFILE_LIMITS } from '../../shared/ipc.js';
import { DEFAULT_THRESHOLDS } from '../../shared/levels.js';
import { errorSummary } from '../format.js';
import { profileInputFromForm } from '../profileForm.js';
import { h, setChildren, setText } from '../dom.js';
import { backIcon } from './icons.js';
import type { ConfirmDialog } from './confirmDialog.js';

/** The regions the console API answers in (packages/client unknowns.ts KNOWN_REGIONS; the renderer bundles no Node code). */
const REGIONS = ['cn-north-1', 'cn-beijing'] as const;
const NEW_PROFILE = '__new__';
/** "Stored …" for each kind of secret store. */
const STORE_PLACE = { keychain: 'in keychain', safeStorage: 'encrypted (safeStorage)', memory: 'in memory only' } as const;

const NEW_PROFILE_DEFAULTS: ProfileSettingsView = {
  id: '',
  name: '',
  accessKeyId: '',
  hasSecret: false,
  region: 'cn-north-1',
  endpoint: 'https://open.volcengineapi.com',
  projectName: 'default',
  useEmulator: false,
  pollIntervalSec: 60,
  ...DEFAULT_THRESHOLDS,
};

type StatusKind = 'info' | 'ok' | 'error';

export class SettingsPanel {
  readonly element: HTMLElement;
  private settings: SettingsView | null = null;
  private editingId = NEW_PROFILE;
  private readonly profilePicker: HTMLSelectElement;
  private readonly form: HTMLFormElement;
  private readonly fields: {
    name: HTMLInputElement;
    accessKeyId: HTMLInputElement;
    secret: HTMLInputElement;
    region: HTMLSelectElement;
    endpoint: HTMLInputElement;
    projectName: HTMLInputElement;
    pollIntervalSec: HTMLInputElement;
    warningPercent: HTMLInputElement;
    criticalPercent: HTMLInputElement;
    useEmulator: HTMLInputElement;
  };
  private readonly secretState: HTMLElement;
  /** Where the secrets are kept (keychain, safeStorage file, memory), as the backend says. */
  private readonly secretStore: HTMLElement;
  private readonly status: HTMLElement;
  private readonly testResult: HTMLElement;
  private readonly deleteButton: HTMLButtonElement;
  private readonly startAtLogin: HTMLInputElement;
  private busy = false;

  constructor(
    private readonly bridge: TrayBridge,
    private readonly confirm: ConfirmDialog,
    onBack: () => void,
  ) {
    this.profilePicker = h('select', { id: 'settings-profile', onchange: () => this.edit(this.profilePicker.value) });
    const input = (id: string, attrs: Record<string, string | number | boolean> = {}): HTMLInputElement =>
      h('input', { id, name: id, type: 'text', autocomplete: 'off', spellcheck: 'false', ...attrs });
    this.fields = {
      name: input('name', { required: true, maxlength: PROFILE_LIMITS.nameMaxLength }),
      accessKeyId: input('accessKeyId', { maxlength: PROFILE_LIMITS.accessKeyIdMaxLength }),
      // Write-only: never filled from settings, cleared after every save.
      secret: input('secretAccessKey', {
        type: 'password',
        autocomplete: 'new-password',
        maxlength: PROFILE_LIMITS.secretMaxLength,
        'aria-describedby': 'secret-state',
      }),
      region: h('select', { id: 'region', name: 'region' }),
      endpoint: input('endpoint', { type: 'url', inputmode: 'url', maxlength: PROFILE_LIMITS.endpointMaxLength }),
      projectName: input('projectName', { maxlength: PROFILE_LIMITS.projectNameMaxLength }),
      pollIntervalSec: input('pollIntervalSec', { type: 'number', ...PROFILE_LIMITS.pollIntervalSec, step: 1, required: true }),
      warningPercent: input('warningPercent', { type: 'number', ...PROFILE_LIMITS.percent, step: 1, required: true }),
      criticalPercent: input('criticalPercent', { type: 'number', ...PROFILE_LIMITS.percent, step: 1, required: true }),
      useEmulator: h('input', { id: 'useEmulator', name: 'useEmulator', type: 'checkbox' }),
    };
    this.secretState = h('span', { id: 'secret-state', class: 'field-hint', 'data-field': 'secret-state' });
    this.secretStore = h('p', { class: 'field-hint', 'data-field': 'secret-store' });
    this.status = h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite', 'data-field': 'settings-status' });
    this.testResult = h('div', { class: 'test-result', role: 'status', 'aria-live': 'polite', 'data-field': 'test-result' });
    this.deleteButton = h('button', { type: 'button', class: 'btn btn-danger-quiet', 'data-action': 'delete-profile', onclick: () => void this.remove() }, '删除 Delete');
    this.startAtLogin = h('input', { id: 'startAtLogin', type: 'checkbox', onchange: () => void this.saveStartAtLogin() });

    const row = (label: string, control: HTMLElement, hint?: HTMLElement): HTMLElement =>
      h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hint ?? null);
    const check = (control: HTMLInputElement, label: string): HTMLElement =>
      h('div', { class: 'field field-check' }, control, h('label', { for: control.id }, label));

    this.form = h(
      'form',
      { class: 'settings-form', id: 'profile-form', novalidate: true, onsubmit: (event) => {
        event.preventDefault();
        void this.save();
      } },
      row('名称 Name', this.fields.name),
      row('Access Key ID', this.fields.accessKeyId),
      row('Secret Access Key', this.fields.secret, this.secretState),
      h('div', { class: 'field-pair' }, row('区域 Region', this.fields.region), row('项目 Project', this.fields.projectName)),
      row('Endpoint', this.fields.endpoint),
      h(
        'div',
        { class: 'field-trio' },
        row('轮询 Poll (s)', this.fields.pollIntervalSec),
        row('预警 Warn %', this.fields.warningPercent),
        row('严重 Critical %', this.fields.criticalPercent),
      ),
      check(this.fields.useEmulator, '使用本地模拟器 Use the local emulator'),
      h(
        'div',
        { class: 'form-actions' },
        h('button', { type: 'button', class: 'btn', 'data-action': 'test-connection', onclick: () => void this.test() }, '测试连接 Test connection'),
      ),
      this.testResult,
    );

    this.element = h(
      'div',
      { class: 'settings', 'data-view': 'settings' },
      h(
        'header',
        { class: 'app-header settings-header' },
        h('div', { class: 'header-top' },
          h('button', { type: 'button', class: 'icon-btn', 'data-action': 'back', 'aria-label': '返回 Back', title: '返回 Back', onclick: onBack }, backIcon()),
          h('h1', { class: 'app-title' }, '设置 ', h('span', { class: 'en' }, 'Settings')),
        ),
        h('div', { class: 'header-profile' }, h('label', { for: 'settings-profile', class: 'muted' }, '账号 Profile'), this.profilePicker),
      ),
      h('main', { class: 'scroll' },
        h('section', { class: 'card', 'aria-label': '账号设置 Profile settings' }, this.form),
        h('section', { class: 'card', 'aria-labelledby': 'general-title' },
          h('h2', { class: 'card-title', id: 'general-title' }, '通用 ', h('span', { class: 'en' }, 'General')),
          check(this.startAtLogin, '开机启动 Start at login'),
          this.secretStore,
        ),
      ),
      // Save stays in reach (and its result in sight) however far the form is scrolled.
      h(
        'footer',
        { class: 'app-footer settings-footer' },
        this.status,
        h(
          'div',
          { class: 'form-actions' },
          this.deleteButton,
          h('span', { class: 'spacer' }),
          h('button', { type: 'submit', form: 'profile-form', class: 'btn btn-primary', 'data-action': 'save-profile' }, '保存 Save'),
        ),
      ),
    );
  }

  /** Load the settings and edit the active profile (or the one asked for). */
  async open(profileId?: string): Promise<void> {
    this.setStatus('', 'info');
    setChildren(this.testResult);
    try {
      this.apply(await this.bridge.getSettings(), profileId);
    } catch (error) {
      this.setStatus(`无法读取设置 Could not load settings: ${messageOf(error)}`, 'error');
    }
  }

  focusFirst(): void {
    this.profilePicker.focus();
  }

  private apply(settings: SettingsView, profileId?: string): void {
    this.settings = settings;
    this.startAtLogin.checked = settings.startAtLogin;
    setText(this.secretStore, settings.secretStore?.description ?? '');
    const wanted = profileId ?? (settings.profiles.some((p) => p.id === this.editingId) ? this.editingId : settings.activeProfileId);
    this.profilePicker.replaceChildren(
      ...settings.profiles.map((p) => h('option', { value: p.id }, p.name)),
      h('option', { value: NEW_PROFILE }, '+ 新建账号 New profile'),
    );
    this.edit(settings.profiles.some((p) => p.id === wanted) ? wanted : NEW_PROFILE);
  }

  private edit(profileId: string): void {
    this.editingId = profileId;
    this.profilePicker.value = profileId;
    const profile = this.settings?.profiles.find((p) => p.id === profileId) ?? NEW_PROFILE_DEFAULTS;
    const f = this.fields;
    f.name.value = profile.name;
    f.accessKeyId.value = profile.accessKeyId;
    f.secret.value = '';
    const regions: string[] = [...REGIONS];
    if (profile.region && !regions.includes(profile.region)) regions.push(profile.region);
    f.region.replaceChildren(...regions.map((r) => h('option', { value: r }, r)));
    f.region.value = profile.region || REGIONS[0];
    f.endpoint.value = profile.endpoint;
    f.projectName.value = profile.projectName;
    f.pollIntervalSec.value = String(profile.pollIntervalSec);
    f.warningPercent.value = String(profile.warningPercent);
    f.criticalPercent.value = String(profile.criticalPercent);
    f.useEmulator.checked = profile.useEmulator;
    this.showSecretState(profile.hasSecret);
    this.deleteButton.hidden = profileId === NEW_PROFILE;
    setChildren(this.testResult);
  }

  private showSecretState(hasSecret: boolean): void {
    const where = STORE_PLACE[this.settings?.secretStore?.kind ?? 'keychain'];
    setText(this.secretState, hasSecret ? `✓ 已存储 Stored ${where} — 留空则保持不变 leave empty to keep` : '未设置 Not set');
    this.secretState.classList.toggle('is-stored', hasSecret);
    this.fields.secret.placeholder = hasSecret ? `•••••• (stored ${where})` : '输入密钥 Enter secret';
  }

  /** The form as a ProfileInput, or a reason it cannot be one. */
  private readInput(): ProfileInput | string {
    const f = this.fields;
    return profileInputFromForm(
      {
        name: f.name.value,
        accessKeyId: f.accessKeyId.value,
        secret: f.secret.value,
        region: f.region.value,
        endpoint: f.endpoint.value,
        projectName: f.projectName.value,
        pollIntervalSec: f.pollIntervalSec.value,
        warningPercent: f.warningPercent.value,
        criticalPercent: f.criticalPercent.value,
        useEmulator: f.useEmulator.checked,
      },
      this.editingId === NEW_PROFILE ? undefined : this.editingId,
    );
  }

  private async save(): Promise<void> {
    const input = this.readInput();
    if (typeof input === 'string') return this.setStatus(input, 'error');
    await this.run('保存中… Saving…', async () => {
      const before = new Set(this.settings?.profiles.map((p) => p.id));
      const settings = await this.bridge.saveProfile(input);
      this.fields.secret.value = '';
      const saved = input.id ?? settings.profiles.find((p) => !before.has(p.id))?.id ?? settings.activeProfileId;
      this.apply(settings, saved);
      this.setStatus('已保存 Saved', 'ok');
    });
  }

  private async test(): Promise<void> {
    const input = this.readInput();
    if (typeof input === 'string') return this.setStatus(input, 'error');
    setChildren(this.testResult, h('span', { class: 'muted' }, '测试中… Testing…'));
    await this.run('', async () => {
      this.showTestResult(await this.bridge.testConnection(input));
    });
  }

  private showTestResult(result: ConnectionTestResult): void {
    if (result.ok) {
      setChildren(
        this.testResult,
        h('div', { class: 'test-ok', 'data-result': 'ok' }, h('strong', {}, '✓ 连接成功 OK'), h('div', {}, result.detail)),
        result.requestId ? h('div', { class: 'request-id' }, `RequestId: ${result.requestId}`) : null,
      );
    } else {
      const { error } = result;
      setChildren(
        this.testResult,
        h('div', { class: 'test-error', 'data-result': 'error' }, h('strong', {}, '✗ 连接失败 Failed'), h('div', {}, errorSummary(error))),
        error.requestId ? h('div', { class: 'request-id' }, `RequestId: ${error.requestId}`) : null,
        error.hint ? h('div', { class: 'field-hint' }, error.hint) : null,
      );
    }
  }

  private async remove(): Promise<void> {
    const profile = this.settings?.profiles.find((p) => p.id === this.editingId);
    if (!profile) return;
    const confirmed = await this.confirm.ask({
      title: '删除账号？ Delete profile?',
      message: `“${profile.name}” 的设置和钥匙串中的密钥将被删除。 The settings of “${profile.name}” and its keychain secret will be removed.`,
      confirmLabel: '删除 Delete',
    });
    if (!confirmed) return;
    await this.run('删除中… Deleting…', async () => {
      this.apply(await this.bridge.deleteProfile(profile.id));
      this.setStatus('已删除 Deleted', 'ok');
    });
  }

  private async saveStartAtLogin(): Promise<void> {
    const wanted = this.startAtLogin.checked;
    await this.run('', async () => {
      const settings = await this.bridge.setStartAtLogin(wanted);
      if (this.settings) this.settings = { ...this.settings, startAtLogin: settings.startAtLogin };
      this.setStatus(settings.startAtLogin ? '已开启开机启动 Starts at login' : '已关闭开机启动 Does not start at login', 'ok');
    });
    // Show what was stored, not what was clicked (a failed or skipped call leaves it as it was).
    if (this.settings) this.startAtLogin.checked = this.settings.startAtLogin;
  }

  private async run(progress: string, work: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.element.setAttribute('aria-busy', 'true');
    if (progress) this.setStatus(progress, 'info');
    try {
      await work();
    } catch (error) {
      this.setStatus(`失败 Failed: ${messageOf(error)}`, 'error');
    } finally {
      this.busy = false;
      this.element.removeAttribute('aria-busy');
    }
  }

  private setStatus(text: string, kind: StatusKind): void {
    setText(this.status, text);
    this.status.dataset.kind = kind;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
