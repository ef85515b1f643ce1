import { createHmac } from 'node:crypto';
import { signingKeyCache } from './signingKey.js';

/** hex(HMAC(kSigning, StringToSign)); kSigning comes from the process-wide cache. */
export function computeSignature(args: {
  secretAccessKey: string;
  shortDate: string;
  region: string;
  service: string;
  stringToSign: string;
}): string {
  const signingKey = signingKeyCache.get(args.secretAccessKey, args.shortDate, args.region, args.service);
  return createHmac('sha256', signingKey).update(args.stringToSign).digest('hex');
}
