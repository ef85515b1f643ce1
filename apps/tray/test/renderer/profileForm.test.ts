import { describe, expect, it } from 'vitest';
import { profileInputFromForm, type ProfileFormValues } from '../../src/renderer/profileForm.js';

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
  ...overrides,
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
    });
    expect(profileInputFromForm(form(), 'production')).toMatchObject({ id: 'production' });
  });

  it('sends the secret only when one was typed (empty keeps the stored one)', () => {
    expect(profileInputFromForm(form(), 'p')).not.toHaveProperty('secretAccessKey');
    expect(profileInputFromForm(form({ secret: 'typed' }), 'p')).toMatchObject({ secretAccessKey: 'typed' });
  });

  it('says what is wrong, in both languages', () => {
    expect(profileInputFromForm(form({ name: '   ' }), undefined)).toBe('请填写名称 Name is required');
    expect(profileInputFromForm(form({ pollIntervalSec: '4' }), undefined)).toMatch(/Poll interval must be 5–3600 s$/);
    expect(profileInputFromForm(form({ pollIntervalSec: '7.5' }), undefined)).toMatch(/Poll interval/);
    expect(profileInputFromForm(form({ criticalPercent: '101' }), undefined)).toMatch(/Thresholds must be 1–100$/);
    expect(profileInputFromForm(form({ warningPercent: 'abc' }), undefined)).toMatch(/Thresholds/);
    expect(profileInputFromForm(form({ warningPercent: '95' }), undefined)).toBe('预警阈值须低于严重阈值 Warning must be below critical');
  });

  it('applies the shared validator too (what the core and main would refuse)', () => {
    expect(profileInputFromForm(form({ endpoint: 'ftp://example.com' }), undefined)).toBe('无效 Invalid: profile.endpoint must start with https:// or http://');
    expect(profileInputFromForm(form({ accessKeyId: 'AK LT' }), undefined)).toMatch(/^无效 Invalid: profile.accessKeyId/);
  });
});
