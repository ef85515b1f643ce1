/**
 * The packs OrderResourcePacks can buy, per resource: code → amount per unit of Quantity.
 * The codes and amounts are INFER (the console's SKU list is not public); ordering an unknown
 * code answers InvalidParameter listing these, so callers see what the emulator sells.
 */
import { ownEntry } from './dict.js';
import { BIG_MODEL_TTS_RESOURCE, VOICE_CLONE_SERVICE_RESOURCE } from './resourceProfiles.js';

export interface PackOffer {
  code: string;
  amount: number;
  name: string;
}

export const PACK_CATALOGUE: Readonly<Record<string, readonly PackOffer[]>> = {
  [BIG_MODEL_TTS_RESOURCE]: [
    { code: 'tts_bigmodel_chars_1m', amount: 1_000_000, name: '100万字符包' },
    { code: 'tts_bigmodel_chars_5m', amount: 5_000_000, name: '500万字符包' },
    { code: 'tts_bigmodel_chars_10m', amount: 10_000_000, name: '1000万字符包' },
  ],
  'volc.tts.default': [
    { code: 'tts_calls_20k', amount: 20_000, name: '2万次调用包' },
    { code: 'tts_calls_100k', amount: 100_000, name: '10万次调用包' },
  ],
  [VOICE_CLONE_SERVICE_RESOURCE]: [
    { code: 'megatts_hours_20', amount: 20, name: '20小时包' },
    { code: 'megatts_hours_100', amount: 100, name: '100小时包' },
  ],
};

export function offersFor(resourceId: string): readonly PackOffer[] {
  return ownEntry(PACK_CATALOGUE, resourceId) ?? [];
}
