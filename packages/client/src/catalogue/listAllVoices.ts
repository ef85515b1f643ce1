/**
 * Every cloned voice of a project. The voice list actions require `State`, from six documented
 * values, and no source says `State: ""` lists them all (EXPL, shared/api §6.1, §6.3): so this
 * asks once per documented state (paging with BatchListMegaTTSTrainStatus, the action
 * ListMegaTTSTrainStatus' own doc recommends above 1,000 voices) and merges the rows by
 * SpeakerID. A voice that changes state between two queries can show up in both: the row of
 * the later query wins, as it is the newer reading.
 */
import { VOICE_STATES, type VoiceState } from '../knownValues.js';
import type { VoiceTrainStatus } from '../types/results.js';

export type VoiceStatusRow = VoiceTrainStatus;

export interface VoiceListRequest {
  ProjectName: string;
  SpeakerIDs?: string[];
}

/** What listAllVoices needs of a client: `VolcSpeechClient` fits, and so does an adapter (n8n). */
export interface VoiceListSource {
  listAll(
    action: 'BatchListMegaTTSTrainStatus',
    request: { ProjectName: string; State: string; SpeakerIDs?: string[] },
    options?: { pageSize?: number; signal?: AbortSignal },
  ): Promise<VoiceTrainStatus[]>;
}

export interface ListAllVoicesOptions {
  /** Only these states (default: all six). */
  states?: readonly VoiceState[];
  pageSize?: number;
  signal?: AbortSignal;
  /** Called after each state's query with the rows it returned. */
  onState?: (state: VoiceState, rows: number) => void;
}

export async function listAllVoices(client: VoiceListSource, req: VoiceListRequest, opts: ListAllVoicesOptions = {}): Promise<VoiceStatusRow[]> {
  const bySpeaker = new Map<string, VoiceStatusRow>();
  const withoutId: VoiceStatusRow[] = [];
  for (const state of opts.states ?? VOICE_STATES) {
    const request: { ProjectName: string; State: string; SpeakerIDs?: string[] } = { ProjectName: req.ProjectName, State: state };
    if (req.SpeakerIDs?.length) request.SpeakerIDs = [...req.SpeakerIDs];
    const options: { pageSize?: number; signal?: AbortSignal } = {};
    if (opts.pageSize !== undefined) options.pageSize = opts.pageSize;
    if (opts.signal) options.signal = opts.signal;
    const rows = await client.listAll('BatchListMegaTTSTrainStatus', request, options);
    for (const row of rows) {
      if (typeof row.SpeakerID === 'string' && row.SpeakerID !== '') {
        bySpeaker.delete(row.SpeakerID); // re-inserted last: the newer reading, in the later state's place
        bySpeaker.set(row.SpeakerID, row);
      } else {
        withoutId.push(row);
      }
    }
    opts.onState?.(state, rows.length);
  }
  return [...bySpeaker.values(), ...withoutId];
}
