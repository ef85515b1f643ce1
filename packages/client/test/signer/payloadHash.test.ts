import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EMPTY_BODY_SHA256, getPayloadHash, sha256Hex } from '../../src/signer/payloadHash.js';

describe('payload hash', () => {
  it('EMPTY_BODY_SHA256 is sha256 of the empty string', () => {
    expect(EMPTY_BODY_SHA256).toBe(createHash('sha256').update('').digest('hex'));
    expect(getPayloadHash('')).toBe(EMPTY_BODY_SHA256);
  });

  it('hashes strings as UTF-8, matching the bytes sent (spec V1 and V4)', () => {
    expect(getPayloadHash('{"ProjectName":"default"}')).toBe('7e0a39e645f91c0fa13aea4108715f9f85a3f55f8d3e6af22c41b5b9d11fbde3');
    expect(getPayloadHash('{"ProjectName":"default","BlueprintID":10029,"ResourceID":"volc.service_type.10029"}')).toBe(
      'ecc4befd90253520bbd3fcf23d2f55628009686cdede99c975f549d7605b08f6',
    );
    expect(sha256Hex('中文')).toBe(sha256Hex(new TextEncoder().encode('中文')));
  });

  it('is lower-case hex', () => {
    expect(sha256Hex('abc')).toMatch(/^[0-9a-f]{64}$/);
  });
});
