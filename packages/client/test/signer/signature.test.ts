import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeSignature } from '../../src/signer/signature.js';
import { deriveSigningKey } from '../../src/signer/signingKey.js';

describe('computeSignature', () => {
  // Spec V1's string to sign.
  const stringToSign =
    'HMAC-SHA256\n20250601T080910Z\n20250601/cn-north-1/speech_saas_prod/request\n03eed1d2b64ca225e409bd3d57e447c2f569a3997908ae98d767ab5bb2dbaddd';
  const args = { secretAccessKey: 'exampleSecretKey==', shortDate: '20250601', region: 'cn-north-1', service: 'speech_saas_prod', stringToSign };

  it('reproduces spec V1', () => {
    expect(computeSignature(args)).toBe('7987fe01b7fd3246155b5a21d4b755cbf4d2596ec6034b2bf839e9a140ee0c3b');
  });

  it('equals an HMAC with a freshly derived key, cached or not', () => {
    const expected = createHmac('sha256', deriveSigningKey(args.secretAccessKey, args.shortDate, args.region, args.service))
      .update(stringToSign)
      .digest('hex');
    expect(computeSignature(args)).toBe(expected);
    expect(computeSignature(args)).toBe(expected);
  });

  it('changes with every scope part', () => {
    const base = computeSignature(args);
    expect(computeSignature({ ...args, secretAccessKey: 'other' })).not.toBe(base);
    expect(computeSignature({ ...args, shortDate: '20250602' })).not.toBe(base);
    expect(computeSignature({ ...args, region: 'cn-beijing' })).not.toBe(base);
    expect(computeSignature({ ...args, service: 'other' })).not.toBe(base);
  });
});
