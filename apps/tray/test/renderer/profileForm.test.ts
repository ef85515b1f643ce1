import { beforeEach, describe, expect, it } from 'vitest';
import { customService, profileInputFromForm, secretNeededFor, type ProfileFormValues } from '../../src/renderer/profileForm.js';
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
  it('refuses plain http to anything but this machine, naming the Endpoint field (both languages)', () => {
    for (const endpoint of ['http://open.volcengineapi.com', 'http://192.168.1.10:8080', 'http://localhost.example.com']) {
      expect(profileInputFromForm(form({ endpoint }), undefined)).toEqual({ field: 'endpoint', message: 'Endpoint must start with https:// (http:// only for 127.0.0.1, ::1 or localhost)' });
    }
    for (const endpoint of ['http://127.0.0.1:8080', 'http://[::1]:9000', 'http://localhost:3000', 'https://open.volcengineapi.com']) {
      expect(profileInputFromForm(form({ endpoint, secret: 's' }), undefined), endpoint).toMatchObject({ endpoint });
    }
    setLocale('zh-CN');
    expect(profileInputFromForm(form({ endpoint: 'http://example.com' }), undefined)).toEqual({ field: 'endpoint', message: '接入地址须以 https:// 开头（仅 127.0.0.1、::1 或 localhost 可用 http://）' });
  });

  it('a new endpoint needs the secret typed again; the stored one belongs to the endpoint it was saved with', () => {
    const stored = { hasSecret: true, endpoint: 'https://open.volcengineapi.com', secretEndpoint: 'https://open.volcengineapi.com' };
    expect(secretNeededFor(stored, 'https://collector.example.net', false)).toBe('https://open.volcengineapi.com');
    expect(secretNeededFor(stored, 'https://open.volcengineapi.com/', false)).toBeNull();
    expect(secretNeededFor(stored, 'https://collector.example.net', true)).toBeNull(); // the emulator signs with its own key
    expect(secretNeededFor({ ...stored, hasSecret: false }, 'https://collector.example.net', false)).toBeNull();
    expect(profileInputFromForm(form({ endpoint: 'https://collector.example.net' }), 'production', stored)).toEqual({
      field: 'secretAccessKey',
      message: 'Enter the Secret Access Key again to use it with the new endpoint https://collector.example.net',
    });
    expect(profileInputFromForm(form({ endpoint: 'https://collector.example.net', secret: 'typed' }), 'production', stored)).toMatchObject({ secretAccessKey: 'typed' });
    setLocale('zh-CN');
    expect(profileInputFromForm(form({ endpoint: 'https://collector.example.net' }), 'production', stored)).toMatchObject({ field: 'secretAccessKey', message: expect.stringContaining('请重新输入 Secret Access Key') });
  });

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
