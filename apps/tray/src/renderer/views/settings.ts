/**
 * Settings per account, and the first run ("connect your account" in a few steps: where to
 * create the AccessKey, paste it, choose the services to watch, test, done).
 *
 * The secret is write-only: the field is always empty, says "stored" when one is, and is
 * cleared the moment a save succeeds. Nothing the bridge returns carries a secret (nor any
 * APIKey), so nothing here can show one. Bad input is refused before sending, naming the field.
 */
import type { ConnectionTestResult, KnownServiceView, LanguageSetting, ProfileInput, ProfileSettingsView, SettingsView, TrayBridge, WatchedServiceSetting } from '../../shared/bridge.js';
import { errorHintKey } from '../../shared/headlineText.js';
import { PROFILE_LIMITS } from '../../shared/ipc.js';
import { DEFAULT_THRESHOLDS } from '../../shared/levels.js';
import { errorSummary } from '../format.js';
import { i18n } from '../i18n.js';
import { customService, isFormProblem, profileInputFromForm, secretNeededFor, type FormProblem, type StoredSecretInfo } from '../profileForm.js';
import { h, setChildren, setText } from '../dom.js';
import { backIcon } from './icons.js';
import type { ConfirmDialog } from './confirmDialog.js';

/** The regions the console API answers in (packages/client unknowns.ts KNOWN_REGIONS; the renderer bundles no Node code). */
const REGIONS = ['cn-beijing', 'cn-north-1'] as const;
const NEW_PROFILE = '__new__';
/**
 * Where a user creates an AccessKey: the Volcengine console's key management (IAM). INFER: the
 * console's public address; shared/api names only the speech API-key page.
 */
export { ACCESS_KEY_CONSOLE_URL } from '../../shared/externalLinks.js';
import { ACCESS_KEY_CONSOLE_URL } from '../../shared/externalLinks.js';

function newProfileDefaults(settings: SettingsView | null): ProfileSettingsView {
  return {
    id: '',
    name: '',
    accessKeyId: '',
    hasSecret: false,
    region: REGIONS[0],
    endpoint: 'https://open.volcengineapi.com',
    projectName: 'default',
    useEmulator: false,
    pollIntervalSec: 60,
    ...DEFAULT_THRESHOLDS,
    watchedServices: settings?.defaultWatchedServices.map((w) => ({ ...w })) ?? [{ resourceId: 'volc.service_type.10029', blueprintId: 10029 }],
  };
}

type StatusKind = 'info' | 'ok' | 'error';

export class SettingsPanel {
  readonly element: HTMLElement;
  private settings: SettingsView | null = null;
  private editingId = NEW_PROFILE;
  private firstRun = false;
  private watched: WatchedServiceSetting[] = [];
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
    customResourceId: HTMLInputElement;
    customBlueprintId: HTMLInputElement;
  };
  private readonly servicesBox: HTMLElement;
  private readonly secretState: HTMLElement;
  /** Where the secrets are kept (keychain, safeStorage file, memory), as the backend says. */
  private readonly secretStore: HTMLElement;
  private readonly status: HTMLElement;
  private readonly testResult: HTMLElement;
  private readonly deleteButton: HTMLButtonElement;
  private readonly saveButton: HTMLButtonElement;
  private readonly startAtLogin: HTMLInputElement;
  private readonly language: HTMLSelectElement;
  private readonly firstRunIntro: HTMLElement;
  private readonly profileRow: HTMLElement;
  private readonly advanced: HTMLDetailsElement;
  private readonly generalCard: HTMLElement;
  private readonly title: HTMLElement;
  private busy = false;
  /** The problem shown next to its field, and how to tell that the field is fine now. */
  private problem: { field: string; message: string; stillWrong: () => boolean } | null = null;

  constructor(
    private readonly bridge: TrayBridge,
    private readonly confirm: ConfirmDialog,
    private readonly onBack: () => void,
    private readonly onConnected: (profileId: string) => void,
  ) {
    const { t } = i18n();
    this.profilePicker = h('select', { id: 'settings-profile', onchange: () => this.edit(this.profilePicker.value) });
    const input = (id: string, attrs: Record<string, string | number | boolean> = {}): HTMLInputElement =>
      h('input', { id, name: id, type: 'text', autocomplete: 'off', spellcheck: 'false', ...attrs });
    this.fields = {
      name: input('name', { required: true, maxlength: PROFILE_LIMITS.nameMaxLength }),
      accessKeyId: input('accessKeyId', { maxlength: PROFILE_LIMITS.accessKeyIdMaxLength }),
      // Write-only: never filled from settings, cleared after every save.
      secret: input('secretAccessKey', { type: 'password', autocomplete: 'new-password', maxlength: PROFILE_LIMITS.secretMaxLength, 'aria-describedby': 'secret-state' }),
      region: h('select', { id: 'region', name: 'region' }),
      endpoint: input('endpoint', { type: 'url', inputmode: 'url', maxlength: PROFILE_LIMITS.endpointMaxLength }),
      projectName: input('projectName', { maxlength: PROFILE_LIMITS.projectNameMaxLength }),
      pollIntervalSec: input('pollIntervalSec', { type: 'number', ...PROFILE_LIMITS.pollIntervalSec, step: 1, required: true }),
      warningPercent: input('warningPercent', { type: 'number', ...PROFILE_LIMITS.percent, step: 1, required: true }),
      criticalPercent: input('criticalPercent', { type: 'number', ...PROFILE_LIMITS.percent, step: 1, required: true }),
      useEmulator: h('input', { id: 'useEmulator', name: 'useEmulator', type: 'checkbox' }),
      customResourceId: input('customResourceId', { placeholder: 'volc.service_type.10029', maxlength: 128 }),
      customBlueprintId: input('customBlueprintId', { inputmode: 'numeric', maxlength: 10 }),
    };
    this.secretState = h('span', { id: 'secret-state', class: 'field-hint', 'data-field': 'secret-state' });
    this.secretStore = h('p', { class: 'field-hint', 'data-field': 'secret-store' });
    this.servicesBox = h('div', { class: 'services-picker', id: 'services', role: 'group', 'aria-labelledby': 'services-label', tabindex: -1, 'data-field': 'services' });
    this.status = h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite', 'data-field': 'settings-status' });
    this.testResult = h('div', { class: 'test-result', role: 'status', 'aria-live': 'polite', 'data-field': 'test-result' });
    this.deleteButton = h('button', { type: 'button', class: 'btn btn-danger-quiet', 'data-action': 'delete-profile', onclick: () => void this.remove() }, t('settings.delete'));
    this.saveButton = h('button', { type: 'submit', form: 'profile-form', class: 'btn btn-primary', 'data-action': 'save-profile' }, t('settings.save'));
    this.startAtLogin = h('input', { id: 'startAtLogin', type: 'checkbox', onchange: () => void this.saveStartAtLogin() });
    this.language = h(
      'select',
      { id: 'language', 'data-field': 'language', onchange: () => void this.saveLanguage(this.language.value as LanguageSetting) },
      h('option', { value: 'system' }, t('settings.languageSystem')),
      // Each language in its own name, so a reader of the other one can find theirs.
      h('option', { value: 'zh-CN', lang: 'zh-CN' }, '简体中文'),
      h('option', { value: 'en', lang: 'en' }, 'English'),
    );

    const row = (label: string, control: HTMLElement, hint?: HTMLElement): HTMLElement =>
      h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hint ?? null);
    const check = (control: HTMLInputElement, label: string): HTMLElement => h('div', { class: 'field field-check' }, control, h('label', { for: control.id }, label));

    this.firstRunIntro = h(
      'div',
      { class: 'first-run', 'data-field': 'first-run' },
      h('p', {}, t('firstRun.intro')),
      h('p', { class: 'step' }, t('firstRun.step1'), ' ', h('a', { href: ACCESS_KEY_CONSOLE_URL, target: '_blank', rel: 'noopener noreferrer', 'data-action': 'open-console' }, t('firstRun.consoleLink'), ' ↗')),
    );
    this.advanced = h(
      'details',
      { class: 'advanced' },
      h('summary', {}, `${t('settings.region')} · ${t('settings.endpoint')} · ${t('settings.poll')}`),
      h('div', { class: 'field-pair' }, row(t('settings.region'), this.fields.region), row(t('settings.project'), this.fields.projectName)),
      row(t('settings.endpoint'), this.fields.endpoint),
      h('div', { class: 'field-trio' }, row(t('settings.poll'), this.fields.pollIntervalSec), row(t('settings.warn'), this.fields.warningPercent), row(t('settings.critical'), this.fields.criticalPercent)),
      check(this.fields.useEmulator, t('settings.useEmulator')),
    );

    this.form = h(
      'form',
      {
        class: 'settings-form',
        id: 'profile-form',
        novalidate: true,
        // A field's error goes as soon as its value is right (not only at the next submit).
        oninput: () => this.fieldEdited(),
        onchange: () => this.fieldEdited(),
        onsubmit: (event) => {
          event.preventDefault();
          void (this.firstRun ? this.connect() : this.save());
        },
      },
      this.firstRunIntro,
      row(t('settings.name'), this.fields.name),
      h('p', { class: 'step first-run-only' }, t('firstRun.step2')),
      row(t('settings.accessKeyId'), this.fields.accessKeyId),
      row(t('settings.secret'), this.fields.secret, this.secretState),
      h('p', { class: 'step first-run-only' }, t('firstRun.step3')),
      h(
        'fieldset',
        { class: 'field services-field' },
        h('legend', { id: 'services-label' }, t('settings.services')),
        h('p', { class: 'field-hint' }, t('settings.servicesHint')),
        this.servicesBox,
        h(
          'div',
          { class: 'custom-service' },
          h('span', { class: 'muted' }, t('settings.customService')),
          h('div', { class: 'field-pair' }, row(t('settings.customResourceId'), this.fields.customResourceId), row(t('settings.customBlueprintId'), this.fields.customBlueprintId)),
          h('button', { type: 'button', class: 'btn btn-small', 'data-action': 'add-service', onclick: () => this.addCustom() }, t('settings.addService')),
        ),
      ),
      this.advanced,
      h('p', { class: 'step first-run-only' }, t('firstRun.step4')),
      h('div', { class: 'form-actions' }, h('button', { type: 'button', class: 'btn', 'data-action': 'test-connection', onclick: () => void this.test() }, t('settings.testConnection'))),
      this.testResult,
    );

    this.title = h('h1', { class: 'app-title' }, t('settings.title'));
    this.profileRow = h('div', { class: 'header-profile' }, h('label', { for: 'settings-profile', class: 'muted' }, t('settings.profile')), this.profilePicker);
    this.generalCard = h(
      'section',
      { class: 'card', 'aria-labelledby': 'general-title' },
      h('h2', { class: 'card-title', id: 'general-title' }, t('settings.general')),
      check(this.startAtLogin, t('settings.startAtLogin')),
      row(t('settings.language'), this.language),
      this.secretStore,
    );
    this.element = h(
      'div',
      { class: 'settings', 'data-view': 'settings' },
      h(
        'header',
        { class: 'app-header settings-header' },
        h('div', { class: 'header-top' }, h('button', { type: 'button', class: 'icon-btn', 'data-action': 'back', 'aria-label': t('settings.back'), title: t('settings.back'), onclick: onBack }, backIcon()), this.title),
        this.profileRow,
      ),
      h(
        'main',
        { class: 'scroll' },
        h('section', { class: 'card', 'aria-label': t('settings.profileSection') }, this.form),
        h('p', { class: 'first-run-only demo-link' }, h('button', { type: 'button', class: 'btn-link', 'data-action': 'use-demo', onclick: onBack }, t('firstRun.demo'))),
        this.generalCard,
      ),
      // Save stays in reach (and its result in sight) however far the form is scrolled.
      h('footer', { class: 'app-footer settings-footer' }, this.status, h('div', { class: 'form-actions' }, this.deleteButton, h('span', { class: 'spacer' }), this.saveButton)),
    );
  }

  /** Load the settings and edit the active profile (or the one asked for); `firstRun`: a new account, step by step. */
  async open(profileId?: string, firstRun = false): Promise<void> {
    this.firstRun = firstRun;
    this.element.classList.toggle('is-first-run', firstRun);
    const { t } = i18n();
    setText(this.title, firstRun ? t('firstRun.title') : t('settings.title'));
    setText(this.saveButton, firstRun ? t('firstRun.connect') : t('settings.save'));
    this.setStatus('', 'info');
    setChildren(this.testResult);
    try {
      this.apply(await this.bridge.getSettings(), firstRun ? NEW_PROFILE : profileId);
    } catch (error) {
      this.setStatus(t('settings.loadFailed', { message: messageOf(error) }), 'error');
    }
  }

  focusFirst(): void {
    (this.firstRun ? this.fields.name : this.profilePicker).focus();
  }

  private apply(settings: SettingsView, profileId?: string): void {
    const { t } = i18n();
    this.settings = settings;
    this.startAtLogin.checked = settings.startAtLogin;
    this.language.value = settings.language;
    setText(this.secretStore, settings.secretStore ? t(`secretStore.${settings.secretStore.kind}`) : '');
    const wanted = profileId ?? (settings.profiles.some((p) => p.id === this.editingId) ? this.editingId : settings.activeProfileId);
    this.profilePicker.replaceChildren(...settings.profiles.map((p) => h('option', { value: p.id }, p.name)), h('option', { value: NEW_PROFILE }, t('settings.newProfile')));
    this.edit(settings.profiles.some((p) => p.id === wanted) ? wanted : NEW_PROFILE);
  }

  private edit(profileId: string): void {
    this.editingId = profileId;
    this.profilePicker.value = profileId;
    const profile = this.settings?.profiles.find((p) => p.id === profileId) ?? newProfileDefaults(this.settings);
    const f = this.fields;
    f.name.value = profile.name || (this.firstRun ? i18n().t('firstRun.defaultName') : '');
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
    f.customResourceId.value = '';
    f.customBlueprintId.value = '';
    this.watched = profile.watchedServices.map((w) => ({ ...w }));
    this.renderServices();
    this.showSecretState(profile.hasSecret);
    this.deleteButton.hidden = profileId === NEW_PROFILE;
    this.clearInvalid();
    setChildren(this.testResult);
  }

  /** One checkbox per known product, then the custom entries with a remove button each. */
  private renderServices(): void {
    const { t } = i18n();
    const known: readonly KnownServiceView[] = this.settings?.knownServices ?? [];
    const knownIds = new Set(known.map((k) => k.resourceId));
    const checkbox = (service: KnownServiceView) => {
      const id = `svc-pick-${service.resourceId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
      const box = h('input', {
        type: 'checkbox',
        id,
        value: service.resourceId,
        checked: this.watched.some((w) => w.resourceId === service.resourceId),
        onchange: () => {
          if (box.checked) this.watched.push(service.blueprintId === undefined ? { resourceId: service.resourceId } : { resourceId: service.resourceId, blueprintId: service.blueprintId });
          else this.watched = this.watched.filter((w) => w.resourceId !== service.resourceId);
        },
      });
      return h('label', { class: 'service-pick', for: id, title: service.resourceId }, box, h('span', {}, service.name), h('code', { class: 'muted' }, service.resourceId));
    };
    const custom = this.watched.filter((w) => !knownIds.has(w.resourceId));
    setChildren(
      this.servicesBox,
      ...known.map(checkbox),
      ...custom.map((w) =>
        h(
          'div',
          { class: 'service-pick custom', 'data-resource-id': w.resourceId },
          h('code', {}, w.resourceId),
          w.blueprintId !== undefined ? h('span', { class: 'muted' }, `BlueprintID ${w.blueprintId}`) : null,
          h(
            'button',
            {
              type: 'button',
              class: 'icon-btn',
              'aria-label': t('settings.removeService', { resource: w.resourceId }),
              onclick: () => {
                this.watched = this.watched.filter((x) => x.resourceId !== w.resourceId);
                this.renderServices();
              },
            },
            '×',
          ),
        ),
      ),
    );
  }

  private addCustom(): void {
    const entry = customService(this.fields.customResourceId.value, this.fields.customBlueprintId.value, this.watched);
    if (isFormProblem(entry)) {
      return this.showProblem(entry, () => {
        const now = customService(this.fields.customResourceId.value, this.fields.customBlueprintId.value, this.watched);
        return isFormProblem(now) && now.field === entry.field;
      });
    }
    this.clearInvalid();
    this.watched.push(entry);
    this.fields.customResourceId.value = '';
    this.fields.customBlueprintId.value = '';
    this.renderServices();
    this.setStatus('', 'info');
  }

  private showSecretState(hasSecret: boolean): void {
    const { t } = i18n();
    const kind = this.settings?.secretStore?.kind ?? 'keychain';
    // The stored secret signs only for the endpoint it was saved with: say so once the endpoint differs.
    const boundTo = secretNeededFor(this.storedSecret(), this.fields.endpoint.value, this.fields.useEmulator.checked);
    const usable = hasSecret && boundTo === null;
    // A typed secret is what will be saved: say where it goes, not what is stored now.
    const typed = this.fields.secret.value !== '';
    setText(
      this.secretState,
      typed
        ? t(`settings.secretWillStore.${kind}`)
        : boundTo !== null
          ? t('settings.secretOtherEndpoint', { endpoint: boundTo })
          : hasSecret
            ? t(`settings.secretStored.${kind}`)
            : t('settings.secretNotSet'),
    );
    this.secretState.classList.toggle('is-stored', usable);
    this.secretState.classList.toggle('needs-secret', boundTo !== null);
    this.fields.secret.placeholder = usable ? t('settings.secretPlaceholderStored') : t('settings.secretPlaceholder');
  }

  /** The profile being edited as far as its stored secret goes (none for a new one). */
  private storedSecret(): StoredSecretInfo | undefined {
    const profile = this.settings?.profiles.find((p) => p.id === this.editingId);
    if (!profile) return undefined;
    return profile.secretEndpoint === undefined
      ? { hasSecret: profile.hasSecret, endpoint: profile.endpoint }
      : { hasSecret: profile.hasSecret, endpoint: profile.endpoint, secretEndpoint: profile.secretEndpoint };
  }

  /** After every edit: the secret's note follows the endpoint; a shown error goes once its field is right. */
  private fieldEdited(): void {
    this.showSecretState(this.storedSecret()?.hasSecret ?? false);
    if (this.problem && !this.problem.stillWrong()) this.clearInvalid();
  }

  /** The form as a ProfileInput, or the problem (shown, its field marked and focused). */
  private readInput(): ProfileInput | null {
    const result = this.formResult();
    if (isFormProblem(result)) {
      this.showProblem(result, () => {
        const now = this.formResult();
        return isFormProblem(now) && now.field === result.field;
      });
      return null;
    }
    this.clearInvalid();
    return result;
  }

  private formResult(): ProfileInput | FormProblem {
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
        watchedServices: this.watched,
      },
      this.editingId === NEW_PROFILE ? undefined : this.editingId,
      this.storedSecret(),
    );
  }

  /** Marks the field, says what is wrong right under it (and in the status line), and focuses it. */
  private showProblem(problem: FormProblem, stillWrong: () => boolean): void {
    this.clearInvalid();
    this.setStatus(problem.message, 'error');
    this.problem = { field: problem.field, message: problem.message, stillWrong };
    const element = this.element.querySelector<HTMLElement>(`#${problem.field}`);
    if (!element) return;
    if (element.closest('details')) (element.closest('details') as HTMLDetailsElement).open = true;
    const errorId = `${problem.field}-error`;
    const note = h('p', { class: 'field-error', id: errorId, 'data-field-error': problem.field }, problem.message);
    (element.closest('.field') ?? element).append(note);
    element.setAttribute('aria-invalid', 'true');
    element.setAttribute('aria-errormessage', errorId);
    element.focus();
  }

  private clearInvalid(): void {
    for (const el of this.element.querySelectorAll('[aria-invalid="true"]')) {
      el.removeAttribute('aria-invalid');
      el.removeAttribute('aria-errormessage');
    }
    for (const note of this.element.querySelectorAll('.field-error')) note.remove();
    if (this.problem && this.status.dataset.kind === 'error' && this.status.textContent === this.problem.message) this.setStatus('', 'info');
    this.problem = null;
  }

  private async save(): Promise<string | null> {
    const input = this.readInput();
    if (!input) return null;
    const { t } = i18n();
    let savedId: string | null = null;
    await this.run(t('settings.saving'), async () => {
      const before = new Set(this.settings?.profiles.map((p) => p.id));
      const settings = await this.bridge.saveProfile(input);
      this.fields.secret.value = '';
      const saved = input.id ?? settings.profiles.find((p) => !before.has(p.id))?.id ?? settings.activeProfileId;
      savedId = saved;
      this.apply(settings, saved);
      this.setStatus(t('settings.saved'), 'ok');
    });
    return savedId;
  }

  /** First run: test with the form's values, and only when that works save and show the account. */
  private async connect(): Promise<void> {
    const input = this.readInput();
    if (!input) return;
    const ok = await this.test(input);
    if (!ok) return;
    const saved = await this.save();
    if (saved) {
      this.setStatus(i18n().t('firstRun.done'), 'ok');
      this.onConnected(saved);
    }
  }

  private async test(given?: ProfileInput): Promise<boolean> {
    const input = given ?? this.readInput();
    if (!input) return false;
    setChildren(this.testResult, h('span', { class: 'muted' }, i18n().t('settings.testing')));
    let ok = false;
    await this.run('', async () => {
      const result = await this.bridge.testConnection(input);
      ok = result.ok;
      this.showTestResult(result, input);
    });
    return ok;
  }

  private showTestResult(result: ConnectionTestResult, input: ProfileInput): void {
    const { t } = i18n();
    if (result.ok) {
      setChildren(
        this.testResult,
        h('div', { class: 'test-ok', 'data-result': 'ok' }, h('strong', {}, t('settings.testOk')), h('div', {}, t('settings.testDetail', { endpoint: input.useEmulator ? t('settings.useEmulator') : input.endpoint, project: input.projectName }))),
        result.requestId ? h('div', { class: 'request-id' }, `RequestId: ${result.requestId}`) : null,
      );
    } else {
      const { error } = result;
      const hintKey = errorHintKey(error);
      setChildren(
        this.testResult,
        h('div', { class: 'test-error', 'data-result': 'error' }, h('strong', {}, t('settings.testFailed')), h('div', {}, errorSummary(error))),
        error.requestId ? h('div', { class: 'request-id' }, `RequestId: ${error.requestId}`) : null,
        hintKey ? h('div', { class: 'field-hint' }, t(hintKey)) : null,
      );
    }
  }

  private async remove(): Promise<void> {
    const profile = this.settings?.profiles.find((p) => p.id === this.editingId);
    if (!profile) return;
    const { t } = i18n();
    const confirmed = await this.confirm.ask({ title: t('confirm.deleteTitle'), message: t('confirm.deleteMessage', { name: profile.name }), confirmLabel: t('confirm.deleteButton') });
    if (!confirmed) return;
    await this.run(t('settings.deleting'), async () => {
      this.apply(await this.bridge.deleteProfile(profile.id));
      this.setStatus(t('settings.deleted'), 'ok');
    });
  }

  private async saveStartAtLogin(): Promise<void> {
    const wanted = this.startAtLogin.checked;
    const { t } = i18n();
    await this.run('', async () => {
      const settings = await this.bridge.setStartAtLogin(wanted);
      if (this.settings) this.settings = { ...this.settings, startAtLogin: settings.startAtLogin };
      this.setStatus(settings.startAtLogin ? t('settings.startsAtLogin') : t('settings.notAtLogin'), 'ok');
    });
    // Show what was stored, not what was clicked (a failed or skipped call leaves it as it was).
    if (this.settings) this.startAtLogin.checked = this.settings.startAtLogin;
  }

  /** The next snapshot carries the new language; the page is then built again in it. */
  private async saveLanguage(language: LanguageSetting): Promise<void> {
    await this.run('', async () => {
      const settings = await this.bridge.setLanguage(language);
      if (this.settings) this.settings = { ...this.settings, language: settings.language, locale: settings.locale };
    });
  }

  private async run(progress: string, work: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.element.setAttribute('aria-busy', 'true');
    if (progress) this.setStatus(progress, 'info');
    try {
      await work();
    } catch (error) {
      this.setStatus(i18n().t('settings.failed', { message: messageOf(error) }), 'error');
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
