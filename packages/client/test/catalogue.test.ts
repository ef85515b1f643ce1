import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WATCHED_SERVICES,
  KNOWN_SERVICES,
  knownBlueprintId,
  listAllVoices,
  maskSecret,
  serviceLabel,
  VOICE_STATES,
  VolcSpeechClient,
  type VoiceListSource,
  type VoiceTrainStatus,
} from '../src/index.js';

describe('KNOWN_SERVICES', () => {
  it('holds each ResourceID once, every entry with names and a source tag', () => {
    const ids = KNOWN_SERVICES.map((s) => s.resourceId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of KNOWN_SERVICES) {
      expect(s.nameZh).not.toBe('');
      expect(s.nameEn).not.toBe('');
      expect(s.source).toMatch(/DOCPG|DOC23|CALLER|EXPL|LIVE1|official/);
    }
  });

  it('pairs only the BlueprintIDs a source pairs (§6.2)', () => {
    const paired = KNOWN_SERVICES.filter((s) => s.blueprintId !== undefined).map((s) => [s.resourceId, s.blueprintId]);
    expect(paired).toEqual([
      ['volc.service_type.10029', 10029],
      ['volc.seedasr.auc', 10065],
    ]);
    expect(knownBlueprintId('volc.tts.default')).toBeUndefined();
    expect(knownBlueprintId('constructor')).toBeUndefined();
  });

  it('watches known services by default and labels unknown IDs by themselves', () => {
    for (const id of DEFAULT_WATCHED_SERVICES) expect(KNOWN_SERVICES.some((s) => s.resourceId === id)).toBe(true);
    expect(serviceLabel('volc.service_type.10029', 'zh')).toBe('豆包语音合成模型');
    expect(serviceLabel('my.custom.resource')).toBe('my.custom.resource');
    expect(serviceLabel('__proto__')).toBe('__proto__');
  });
});

describe('maskSecret', () => {
  it('shows at most four characters at each end of a key, and at most a quarter of any value', () => {
    const key = '3f2a9c1e-7b4d-4e0f-9a8b-1c2d3e4f5a6b';
    expect(maskSecret(key)).toBe('3f2a…5a6b');
    for (const value of ['', 'a', 'abcdefg', 'abcdefgh', 'abcdefghijklmnop', key, 'x'.repeat(200), '密钥密钥密钥密钥密钥']) {
      const masked = maskSecret(value);
      expect(masked).not.toBe(value);
      const shown = masked.replace('…', '').replace('****', '');
      expect([...shown].length).toBeLessThanOrEqual(Math.floor([...value].length / 4));
    }
    expect(maskSecret('short')).toBe('****');
  });
});

describe('listAllVoices', () => {
  function fakeSource(byState: Record<string, VoiceTrainStatus[]>) {
    const requests: Array<Record<string, unknown>> = [];
    const source: VoiceListSource = {
      listAll: async (action, request) => {
        expect(action).toBe('BatchListMegaTTSTrainStatus');
        requests.push({ ...request });
        return byState[request.State] ?? [];
      },
    };
    return { source, requests };
  }

  it('asks once per documented state, never with an empty State, and merges by SpeakerID', async () => {
    const { source, requests } = fakeSource({
      Training: [{ SpeakerID: 'S_1', State: 'Training' }],
      Success: [{ SpeakerID: 'S_2', State: 'Success' }, { SpeakerID: 'S_1', State: 'Success' }],
      Expired: [{ SpeakerID: 'S_3', State: 'Expired' }],
    });
    const rows = await listAllVoices(source, { ProjectName: 'default', SpeakerIDs: ['S_1', 'S_2', 'S_3'] });
    expect(requests.map((r) => r['State'])).toEqual([...VOICE_STATES]);
    expect(requests.every((r) => r['ProjectName'] === 'default' && Array.isArray(r['SpeakerIDs']))).toBe(true);
    expect(rows.map((r) => [r.SpeakerID, r.State])).toEqual([
      ['S_2', 'Success'],
      ['S_1', 'Success'],
      ['S_3', 'Expired'],
    ]);
  });

  it('limits the states when asked and reports each one', async () => {
    const { source, requests } = fakeSource({ Active: [{ SpeakerID: 'S_9', State: 'Active' }] });
    const seen: Array<[string, number]> = [];
    const rows = await listAllVoices(source, { ProjectName: 'p' }, { states: ['Active', 'Success'], onState: (s, n) => seen.push([s, n]) });
    expect(requests.map((r) => r['State'])).toEqual(['Active', 'Success']);
    expect(requests[0]).not.toHaveProperty('SpeakerIDs');
    expect(seen).toEqual([
      ['Active', 1],
      ['Success', 0],
    ]);
    expect(rows).toHaveLength(1);
  });
});

describe('listAllVoices types', () => {
  it('takes the real client as its source', () => {
    const client = new VolcSpeechClient({ credentials: { accessKeyId: 'AK', secretAccessKey: 'SK' }, endpoint: 'http://127.0.0.1:9' });
    const source: VoiceListSource = client;
    expect(typeof source.listAll).toBe('function');
  });
});
