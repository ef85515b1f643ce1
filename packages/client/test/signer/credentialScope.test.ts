import { describe, expect, it } from 'vitest';
import {
  assertScopeParts,
  createCredentialScope,
  isValidAccessKeyId,
  isValidRegion,
  isValidShortDate,
} from '../../src/signer/credentialScope.js';

describe('credential scope', () => {
  it('is ShortDate/Region/Service/request', () => {
    expect(createCredentialScope('20250601', 'cn-north-1', 'speech_saas_prod')).toBe('20250601/cn-north-1/speech_saas_prod/request');
  });

  it('rejects parts that would make the scope ambiguous', () => {
    expect(() => assertScopeParts('20250601', 'cn/north', 'svc')).toThrow(TypeError);
    expect(() => assertScopeParts('20250601', 'cn-north-1', 'a b')).toThrow(TypeError);
    expect(() => assertScopeParts('2025061', 'cn-north-1', 'svc')).toThrow(TypeError);
    expect(() => assertScopeParts('20250601', '', 'svc')).toThrow(TypeError);
    expect(() => assertScopeParts('20250601', 'cn-north-1', 'speech_saas_prod')).not.toThrow();
  });

  it('validates access key ids: printable ASCII without / or ,', () => {
    expect(isValidAccessKeyId('AKLTexampleAccessKeyId')).toBe(true);
    expect(isValidAccessKeyId('AKLT_EXAMPLE+base64==')).toBe(true);
    for (const bad of ['', 'AK/LT', 'AK,LT', 'AK LT', 'AK\tLT', 'AKé']) expect(isValidAccessKeyId(bad)).toBe(false);
  });

  it('validates regions and calendar short dates', () => {
    expect(isValidRegion('ap-southeast-1')).toBe(true);
    expect(isValidRegion('cn north')).toBe(false);
    expect(isValidShortDate('20240229')).toBe(true);
    expect(isValidShortDate('20250229')).toBe(false);
    expect(isValidShortDate('2025060')).toBe(false);
  });
});
