/**
 * Identifier formats, following the contract's examples: speakers `S_VYBmqB0A`, voice instances
 * `Model_storage_meUQ8YtIPm`, orders `Order20010000000000000001`, API keys uuid-like (36 chars).
 */
import { randomInt, randomUUID } from 'node:crypto';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const LOWER_ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A source of randomness in [0, 1): crypto-backed at run time, seeded for the demo data. */
export type RandomSource = () => number;

export const cryptoRandom: RandomSource = () => randomInt(0, 2 ** 47) / 2 ** 47;

/** Mulberry32: small, fast, reproducible; the seed data uses it so every reset gives the same account. */
export function seededRandom(seed: number): RandomSource {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomChars(random: RandomSource, length: number, alphabet = ALPHANUMERIC): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}

export function speakerId(random: RandomSource): string {
  return `S_${randomChars(random, 8)}`;
}

export function voiceInstanceNo(random: RandomSource): string {
  return `Model_storage_${randomChars(random, 10)}`;
}

export function resourceInstanceNumber(prefix: string, random: RandomSource): string {
  return `${prefix}-${randomChars(random, 12, LOWER_ALPHANUMERIC)}`;
}

export function orderId(sequence: number): string {
  return `Order2001${String(sequence).padStart(16, '0')}`;
}

/** The secret of an API key (uuid-like, 36 characters). Seeded for demo data, random otherwise. */
export function apiKeyValue(random?: RandomSource): string {
  if (!random) return randomUUID();
  const hex = randomChars(random, 32, '0123456789abcdef');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A 19-digit numeric id like the `ID` of ListSpeakers rows (`7574011450654457882`). */
export function numericId(random: RandomSource): string {
  return `75${randomChars(random, 17, '0123456789')}`;
}
