/**
 * Reading a request body with a size bound, so that a refusal (413) actually reaches the caller:
 * - a declared Content-Length over the bound is refused before a byte is read, and with
 *   `Expect: 100-continue` before the caller is told to continue (server.ts), so it never sends it;
 * - a body that grows past the bound (chunked) stops being buffered, and the rest is read and
 *   thrown away (up to MAX_DISCARD_BYTES) instead of resetting the connection, which would lose
 *   the answer.
 */
import type { IncomingMessage } from 'node:http';

/** Far above any real console request; bounds what an unauthenticated caller can make us buffer. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** How much of a refused body is read and dropped so the 413 gets through; past it the connection is cut. */
export const MAX_DISCARD_BYTES = 64 * 1024 * 1024;

export class BodyTooLarge extends Error {
  constructor(
    limit: number,
    /** The caller asked to continue first and was not told to: no body follows, the connection is closed after the answer. */
    readonly bodyWithheld: boolean,
  ) {
    super(`The request body exceeds ${limit} bytes; send at most ${limit} bytes`);
  }
}

/** Whether the declared Content-Length is over `limit` (the server's checkContinue asks before sending 100). */
export function declaresTooLarge(req: IncomingMessage, limit = MAX_BODY_BYTES): boolean {
  const declared = req.headers['content-length'];
  return declared !== undefined && Number(declared) > limit;
}

function discardRest(req: IncomingMessage): void {
  let discarded = 0;
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > MAX_DISCARD_BYTES) req.socket.destroy();
  });
  req.resume();
}

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  if (declaresTooLarge(req, limit)) {
    const withheld = /100-continue/i.test(req.headers.expect ?? '');
    if (!withheld) discardRest(req);
    return Promise.reject(new BodyTooLarge(limit, withheld));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      refused = true;
      chunks.length = 0;
      req.off('data', onData);
      discardRest(req);
      reject(new BodyTooLarge(limit, false));
    };
    req.on('data', onData);
    req.on('end', () => {
      if (!refused) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}
