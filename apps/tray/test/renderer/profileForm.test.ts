import { beforeEach, describe, expect, it } from 'vitest';
import { customService, profileInputFromForm, type ProfileFormValues } from '../../src/renderer/profileForm.js';
import { setLocale } from '../../src/renderer/i18n.js';

const TTS = { resourceId: 'volc.service_type.10029', blueprintId: 10029 };
const form = (overrides: Partial<ProfileFormValues> = {}): ProfileFormValues => ({
  name: '  Production ',
  accessKeyId: ' AKLTEXAMPLE0001 ',
  secret: '',
  region: 'cn-north-1',
  endpoint: 'https://open.volcengineapi.com/ ',
  projectName: ' default ',
  pollIntervalSec: '60',
  warningPercent: '80',
  criticalPercent: '95',
  useEmulator: false,
  watchedServices: [TTS],
  ...overrides,
});

beforeEach(() => {
  setLocale('en');
});

describe('the settings form as a ProfileInput', () => {
  it('trims and converts the fields; a new profile has no id, an edited one keeps its own', () => {
    expect(profileInputFromForm(form(), undefined)).toEqual({
      name: 'Production',
      accessKeyId: 'AKLTEXAMPLE0001',
      region: 'cn-north-1',
      endpoint: 'https://open.volcengineapi.com',
      projectName: 'default',
      useEmulator: false,
      pollIntervalSec: 60,
      warningPercent: 80,
      criticalPercent: 95,
      watchedServices: [TTS],
    });
    expect(profileInputFromForm(form(), 'production')).toMatchObject({ id: 'production' });
  });

  it('sends the secret only when one was typed (empty keeps the stored one)', () => {
    expect(profileInputFromForm(form(), 'p')).not.toHaveProperty('secretAccessKey');
    expect(profileInputFromForm(form({ secret: 'typed' }), 'p')).toMatchObject({ secretAccessKey: 'typed' });
  });

  it('says what is wrong and which field, in the page language', () => {
    expect(profileInputFromForm(form({ name: '   ' }), undefined)).toEqual({ field: 'name', message: 'Name is required' });
    expect(profileInputFromForm(form({ pollIntervalSec: '4' }), undefined)).toEqual({ field: 'pollIntervalSec', message: 'Poll interval must be 5–3600 s' });
    expect(profileInputFromForm(form({ pollIntervalSec: '7.5' }), undefined)).toMatchObject({ field: 'pollIntervalSec' });
    expect(profileInputFromForm(form({ criticalPercent: '101' }), undefined)).toEqual({ field: 'warningPercent', message: 'Thresholds must be 1–100' });
    expect(profileInputFromForm(form({ warningPercent: '95' }), undefined)).toEqual({ field: 'warningPercent', message: 'Warning must be below critical' });
    expect(profileInputFromForm(form({ accessKeyId: '' }), undefined)).toEqual({ field: 'accessKeyId', message: 'Access Key ID is required (or use the local emulator)' });
    expect(profileInputFromForm(form({ accessKeyId: 'AK LT' }), undefined)).toMatchObject({ field: 'accessKeyId' });
    expect(profileInputFromForm(form({ endpoint: 'ftp://example.com' }), undefined)).toMatchObject({ field: 'endpoint' });
    expect(profileInputFromForm(form({ watchedServices: [] }), undefined)).toEqual({ field: 'services', message: 'Choose at least one service to watch' });
    setLocale('zh-CN');
    expect(profileInputFromForm(form({ name: '' }), undefined)).toEqual({ field: 'name', message: '请填写名称' });
  });

  it('the emulator needs no access key', () => {
    expect(profileInputFromForm(form({ accessKeyId: '', useEmulator: true }), undefined)).toMatchObject({ useEmulator: true, accessKeyId: '' });
  });

  it('a custom service: a ResourceID as the service spells them, an optional whole BlueprintID, never twice', () => {
    expect(customService(' volc.bigasr.auc_turbo ', '', [TTS])).toEqual({ resourceId: 'volc.bigasr.auc_turbo' });
    expect(customService('volc.service_type.10099', '10099', [TTS])).toEqual({ resourceId: 'volc.service_type.10099', blueprintId: 10099 });
    expect(customService('not a resource', '', [])).toEqual({ field: 'customResourceId', message: 'ResourceID must look like volc.service_type.10029' });
    expect(customService('volc.service_type.10029', '', [TTS])).toEqual({ field: 'customResourceId', message: 'This service is already in the list' });
    expect(customService('volc.x.y', '12a', [])).toEqual({ field: 'customBlueprintId', message: 'BlueprintID must be a whole number' });
    expect(customService('volc.x.y', '-1', [])).toMatchObject({ field: 'customBlueprintId' });
  });
});
