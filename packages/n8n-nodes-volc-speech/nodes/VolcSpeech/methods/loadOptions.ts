/**
 * Dropdowns: the known services (the client's catalogue), and from the API: API keys (ListAPIKeys),
 * cloned voices (BatchListMegaTTSTrainStatus) and catalogue voice types (ListSpeakers).
 */
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { SPEAKER_RESOURCE_IDS } from '@volc-speech/client';

import { DROPDOWN_LIMIT, projectNameOf, serviceOptions } from '../helpers/choices';
import { toNodeError } from '../helpers/errors';
import { listAction } from '../transport';

async function guarded<T>(context: ILoadOptionsFunctions, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    throw toNodeError(context.getNode(), error, 0);
  }
}

export async function getResourceIds(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
  return serviceOptions();
}

export async function getApiKeys(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
  return await guarded(this, async () => {
    const keys = await listAction(this, 'ListAPIKeys', { ProjectName: projectNameOf(this) }, 'APIKeys');
    return keys
      .filter((key) => key.ID !== undefined)
      .map((key) => ({
        name: `${String(key.Name ?? 'unnamed')} (${String(key.ID)})${key.Disable === true ? ' – disabled' : ''}`,
        value: Number(key.ID),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
  });
}

/** Cloned voices in every state a user acts on. */
export async function getClonedVoices(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
  return await guarded(this, async () => {
    const options = new Map<string, string>();
    for (const state of ['Active', 'Success', 'Training', 'Expired']) {
      const rows = await listAction(this, 'BatchListMegaTTSTrainStatus', { ProjectName: projectNameOf(this), State: state }, 'Statuses', {
        maxItems: DROPDOWN_LIMIT,
      });
      for (const row of rows) {
        const id = row.SpeakerID as string | undefined;
        if (!id || options.has(id)) continue;
        options.set(id, `${row.Alias ? `${String(row.Alias)} ` : ''}${id} – ${state}`);
      }
    }
    return [...options].map(([value, name]) => ({ name, value })).sort((a, b) => a.name.localeCompare(b.name));
  });
}

/** Voice types of the speaker catalogue. */
export async function getVoiceTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
  return await guarded(this, async () => {
    // ListSpeakers needs ResourceIDs (shared/api §6.2): ask for both documented catalogues.
    const speakers = await listAction(this, 'ListSpeakers', { ResourceIDs: [...SPEAKER_RESOURCE_IDS] }, 'Speakers', { maxItems: DROPDOWN_LIMIT });
    return speakers
      .filter((speaker) => typeof speaker.VoiceType === 'string')
      .map((speaker) => ({
        name: speaker.Name ? `${String(speaker.Name)} (${String(speaker.VoiceType)})` : String(speaker.VoiceType),
        value: String(speaker.VoiceType),
        ...(speaker.Description ? { description: String(speaker.Description) } : {}),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
  });
}
