/**
 * Dropdowns: the known services (the client's catalogue), and from the API: API keys (ListAPIKeys),
 * cloned voices (BatchListMegaTTSTrainStatus) and catalogue voice types (ListSpeakers).
 */
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { DEFAULT_WATCHED_SERVICES, PACK_TYPES, SPEAKER_RESOURCE_IDS } from '@volc-speech/client';

import { DROPDOWN_LIMIT, projectNameOf, serviceOptions } from '../helpers/choices';
import { toNodeError } from '../helpers/errors';
import { listAction } from '../transport';
import { apiKeyOptions, clonedVoiceOptions } from '../helpers/accountChoices';

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
  return await guarded(this, async () => await apiKeyOptions(this));
}

/** Cloned voices in every state a user acts on. */
export async function getClonedVoices(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
  return await guarded(this, async () => await clonedVoiceOptions(this));
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

/** The ResourceID chosen on this operation (a locator or a plain value), if any. */
function chosenResourceId(context: ILoadOptionsFunctions): string | undefined {
  try {
    const raw = context.getCurrentNodeParameter('resourceId', { extractValue: true }) as unknown;
    const value = raw !== null && typeof raw === 'object' && 'value' in raw ? (raw as { value: unknown }).value : raw;
    return typeof value === 'string' && value.trim() ? value.trim() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Order codes: the `Code` of each pack the account already has for the chosen service (every
 * watched service when none is chosen yet). Which codes can be ordered is not documented
 * (unknowns.ts ORDER_CODE_SOURCE): this is what the account has bought before, and an
 * expression can give any other code.
 */
export async function getPackCodes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
  return await guarded(this, async () => {
    const chosen = chosenResourceId(this);
    const packs = await listAction(
      this,
      'ResourcePacksStatus',
      { ProjectName: projectNameOf(this), ResourceIDs: chosen ? [chosen] : [...DEFAULT_WATCHED_SERVICES], Types: [...PACK_TYPES] },
      'Packs',
      { maxItems: DROPDOWN_LIMIT },
    );
    const byCode = new Map<string, INodePropertyOptions>();
    for (const pack of packs) {
      const code = typeof pack.Code === 'string' ? pack.Code : undefined;
      if (!code || byCode.has(code)) continue;
      const label = [pack.Alias, pack.ResourceDisplay].find((text) => typeof text === 'string' && text.trim() !== '') as string | undefined;
      byCode.set(code, {
        name: label ? `${label} (${code})` : code,
        value: code,
        description: `Code of a ${String(pack.Type ?? '')} pack you have for ${String(pack.ResourceID ?? chosen ?? '')}`.replace(/ {2,}/g, ' '),
      });
    }
    return [...byCode.values()].sort((a, b) => a.name.localeCompare(b.name));
  });
}
