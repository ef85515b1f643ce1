import { invalidParameter } from '../errors.js';
import { SPEAKERS, TIMBRES } from '../catalogue.js';
import type { Handler } from './context.js';

/** Page size of ListSpeakers when Limit is absent (INFER). */
export const DEFAULT_SPEAKER_LIMIT = 20;
export const MAX_SPEAKER_LIMIT = 100;

export const listBigModelTTSTimbres: Handler<'ListBigModelTTSTimbres'> = () => ({ Timbres: TIMBRES });

export const listSpeakers: Handler<'ListSpeakers'> = (req) => {
  // Limit is a string on the wire (sic, GO/PY/TS).
  const limit = req.Limit === undefined || req.Limit === '' ? DEFAULT_SPEAKER_LIMIT : Number(req.Limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SPEAKER_LIMIT) {
    throw invalidParameter('Limit', `must be an integer from 1 to ${MAX_SPEAKER_LIMIT} (sent as a string), got ${JSON.stringify(req.Limit)}`);
  }
  const page = req.Page ?? 1;
  const matching = SPEAKERS.filter(
    (s) =>
      (req.ResourceIDs as readonly string[]).includes(s['ResourceID'] as string) &&
      (!req.VoiceTypes?.length || req.VoiceTypes.includes(s['VoiceType'] as string)),
  );
  return { Total: matching.length, Speakers: matching.slice((page - 1) * limit, page * limit) };
};
