/** Compile-time checks of the public typing (tsc runs over test/ in lint); the runtime part is trivial. */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { VolcSpeechClient } from '../src/client.js';
import type { PageItem, PagedActionName } from '../src/paginate.js';
import type { ListAPIKeysResult, ResourcePack, ServiceStatusResult, Speaker, VoiceTrainStatus, EmptyResult } from '../src/types/results.js';

describe('typing', () => {
  it('types each generated method by the action table', () => {
    const client = new VolcSpeechClient({ env: {} });
    expectTypeOf(client.listAPIKeys).parameter(0).toEqualTypeOf<{ ProjectName: string; OnlyAvailable?: boolean }>();
    expectTypeOf(client.listAPIKeys).returns.resolves.toEqualTypeOf<ListAPIKeysResult>();
    expectTypeOf(client.serviceStatus).returns.resolves.toEqualTypeOf<ServiceStatusResult>();
    expectTypeOf(client.pauseService).returns.resolves.toEqualTypeOf<EmptyResult>();
    expectTypeOf<PageItem<'BatchListMegaTTSTrainStatus'>>().toEqualTypeOf<VoiceTrainStatus>();
    expectTypeOf<PageItem<'ListSpeakers'>>().toEqualTypeOf<Speaker>();
    expectTypeOf<PageItem<'ResourcePacksStatus'>>().toEqualTypeOf<ResourcePack>();
    expectTypeOf<PagedActionName>().toEqualTypeOf<'ListSpeakers' | 'ResourcePacksStatus' | 'ListTagsForResources' | 'BatchListMegaTTSTrainStatus' | 'ListMegaTTSByOrderID'>();

    // Never called: only compiled.
    const _compileOnly = async () => {
      await client.listBigModelTTSTimbres(); // no fields: request optional
      // @ts-expect-error ResourceIDs is required (EXPL)
      await client.listSpeakers();
      await client.listSpeakers({ ResourceIDs: ['seed-tts-2.0'] });
      // @ts-expect-error only seed-tts-1.0 and seed-tts-2.0 (EXPL)
      await client.listSpeakers({ ResourceIDs: ['seed-tts-3.0'] });
      // Types has a default (all three), so it is optional to callers; its values are a union.
      await client.resourcePacksStatus({ ProjectName: 'p', PageSize: 10, ResourceIDs: ['r'] });
      // @ts-expect-error not a pack type (EXPL: access, quota, prepaid)
      await client.resourcePacksStatus({ ProjectName: 'p', PageSize: 10, ResourceIDs: ['r'], Types: ['postpaid'] });
      // @ts-expect-error UsageMonitoring is daily only (EXPL)
      await client.usageMonitoring({ ProjectName: 'p', ResourceID: 'r', Start: 'a', End: 'b', Mode: 'hourly' });
      // @ts-expect-error instance is not a tag ResourceType (EXPL)
      await client.tagResources({ ResourceType: 'instance', ResourceIds: ['r'] });
      // @ts-expect-error ProjectName is required
      await client.listAPIKeys();
      // @ts-expect-error ProjectName is required
      await client.call('ListAPIKeys', {});
      // @ts-expect-error ID is an int32 (number)
      await client.deleteAPIKey({ ProjectName: 'p', ID: '1' });
      // @ts-expect-error not a paged action
      client.paginate('ListAPIKeys', { ProjectName: 'p' });
      // @ts-expect-error no such action
      await client.call('ListApiKeys', {});
      for await (const voice of client.paginate('BatchListMegaTTSTrainStatus', { ProjectName: 'p', State: 'Success' }, { pageSize: 100, concurrency: 4 })) {
        expectTypeOf(voice.SpeakerID).toEqualTypeOf<string | undefined>();
      }
    };
    expect(typeof _compileOnly).toBe('function');
  });
});
