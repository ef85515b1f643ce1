/**
 * Oversized bodies get a clean 413 with the gateway envelope (also with Expect: 100-continue,
 * and for chunked bodies), and slow callers are cut off by header and request timeouts (issue 9, item 8).
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../src/index.js';
import { MAX_BODY_BYTES } from '../src/requestBody.js';
import { rawHttp } from './helpers/raw.js';

let emulator: EmulatorHandle;
beforeAll(async () => {
  emulator = await startEmulator({ quiet: true, timeouts: { headersMs: 400, requestMs: 800 } });
});
afterAll(() => emulator.close());

const host = () => new URL(emulator.url).host;
const big = Buffer.alloc(MAX_BODY_BYTES + 4096, 0x61);

function expectEnvelope413(r: { status: number; json: Record<string, unknown> }) {
  expect(r.status).toBe(413);
  const metadata = r.json['ResponseMetadata'] as { RequestId: string; Action: string; Error: { Code: string; Message: string } };
  expect(metadata.RequestId).toMatch(/^\d{14}[0-9A-F]{20}$/);
  expect(metadata.Action).toBe('ListAPIKeys');
  expect(metadata.Error).toEqual({ Code: 'RequestEntityTooLarge', Message: `The request body exceeds ${MAX_BODY_BYTES} bytes; send at most ${MAX_BODY_BYTES} bytes` });
}

describe('413', () => {
  it('a declared body over the limit is answered with the envelope, the whole body sent (no connection reset)', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await rawHttp(emulator.url, `POST /?Action=ListAPIKeys&Version=2025-05-20 HTTP/1.1\nHost: ${host()}\nContent-Type: application/json\nContent-Length: ${big.length}`, big);
      expectEnvelope413(r);
    }
  });

  it('through fetch, as a client would see it', async () => {
    const response = await fetch(`${emulator.url}/?Action=ListAPIKeys&Version=2025-05-20`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: big });
    expectEnvelope413({ status: response.status, json: (await response.json()) as Record<string, unknown> });
  });

  it('a chunked body that grows over the limit', async () => {
    const chunk = (data: Buffer) => Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from('\r\n')]);
    const body = Buffer.concat([chunk(big.subarray(0, 600_000)), chunk(big.subarray(600_000)), Buffer.from('0\r\n\r\n')]);
    const r = await rawHttp(emulator.url, `POST /?Action=ListAPIKeys&Version=2025-05-20 HTTP/1.1\nHost: ${host()}\nContent-Type: application/json\nTransfer-Encoding: chunked`, body);
    expectEnvelope413(r);
  });

  it('Expect: 100-continue with a body over the limit: 413 at once, never "continue"', async () => {
    const r = await rawHttp(emulator.url, `POST /?Action=ListAPIKeys&Version=2025-05-20 HTTP/1.1\nHost: ${host()}\nContent-Type: application/json\nExpect: 100-continue\nContent-Length: ${big.length}`);
    expect(r.interim).toEqual([]);
    expectEnvelope413(r);
  });

  it('Expect: 100-continue with a small body is told to continue and answered', async () => {
    const body = '{"ProjectName":"default"}';
    const r = await rawHttp(emulator.url, `POST /?Action=ListAPIKeys&Version=2025-05-20 HTTP/1.1\nHost: ${host()}\nContent-Type: application/json\nExpect: 100-continue\nContent-Length: ${body.length}`, body);
    expect(r.interim).toEqual([expect.stringMatching(/^HTTP\/1\.1 100 Continue/)]);
    // Unsigned: the gateway's refusal, which shows the body was read and the request handled.
    expect(r.status).toBe(401);
  });

  it('the control endpoint answers 413 too', async () => {
    const r = await rawHttp(emulator.url, `POST /__emulator/faults HTTP/1.1\nHost: ${host()}\nContent-Type: application/json\nContent-Length: ${big.length}`, big);
    expect(r.status).toBe(413);
    expect(r.json).toEqual({ ok: false, error: expect.stringMatching(/exceeds/) });
  });
});

describe('timeouts', () => {
  /** Opens a connection, writes `text`, and resolves with how long the server kept it open and what it said. */
  function slowCaller(text: string): Promise<{ ms: number; answer: string }> {
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const socket = connect({ host: '127.0.0.1', port: emulator.port });
      let answer = '';
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
      socket.on('close', () => resolve({ ms: performance.now() - started, answer }));
      socket.on('error', () => {});
      socket.write(text);
      setTimeout(() => {
        socket.destroy();
        reject(new Error('the server kept a stalled connection open for 10 s'));
      }, 10_000);
    });
  }

  it('a caller that never finishes its headers is cut off', async () => {
    const r = await slowCaller(`GET /__emulator/health HTTP/1.1\r\nHost: ${host()}\r\n`);
    expect(r.ms).toBeLessThan(5_000);
    expect(r.answer).toMatch(/^HTTP\/1\.1 408|^$/);
  });

  it('a caller that never finishes its body is cut off', async () => {
    const r = await slowCaller(`POST /?Action=ListAPIKeys&Version=2025-05-20 HTTP/1.1\r\nHost: ${host()}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"Pro`);
    expect(r.ms).toBeLessThan(5_000);
  });
});
