import { describe, expect, it } from 'vitest';
import { buildStringToSign } from '../../src/signer/stringToSign.js';

describe('buildStringToSign', () => {
  it('is algorithm, X-Date, scope and the hex sha256 of the canonical request (spec V1)', () => {
    const canonical =
      'POST\n/\nAction=ListAPIKeys&Version=2025-05-20\nx-content-sha256:7e0a39e645f91c0fa13aea4108715f9f85a3f55f8d3e6af22c41b5b9d11fbde3\nx-date:20250601T080910Z\n\nx-content-sha256;x-date\n7e0a39e645f91c0fa13aea4108715f9f85a3f55f8d3e6af22c41b5b9d11fbde3';
    expect(buildStringToSign('20250601T080910Z', '20250601/cn-north-1/speech_saas_prod/request', canonical)).toBe(
      'HMAC-SHA256\n20250601T080910Z\n20250601/cn-north-1/speech_saas_prod/request\n03eed1d2b64ca225e409bd3d57e447c2f569a3997908ae98d767ab5bb2dbaddd',
    );
  });
});
