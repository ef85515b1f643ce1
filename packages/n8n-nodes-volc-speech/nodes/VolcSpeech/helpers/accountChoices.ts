/** Lists read from the account for dropdowns and resource locators (methods/). */
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listAction } from '../transport';
import { DROPDOWN_LIMIT, projectNameOf } from './choices';

/** The project's API keys, `Name (ID)`, disabled ones marked; shared by the dropdown and the locator list. */
export async function apiKeyOptions(context: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
  const keys = await listAction(context, 'ListAPIKeys', { ProjectName: projectNameOf(context) }, 'APIKeys');
  return keys
    .filter((key) => key.ID !== undefined)
    .map((key) => ({
      name: `${String(key.Name ?? 'unnamed')} (${String(key.ID)})${key.Disable === true ? ' – disabled' : ''}`,
      value: Number(key.ID),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** `Alias S_xxx – State` for each cloned voice; shared by the dropdown and the locator list. */
export async function clonedVoiceOptions(context: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
  const options = new Map<string, string>();
  for (const state of ['Active', 'Success', 'Training', 'Expired']) {
    const rows = await listAction(context, 'BatchListMegaTTSTrainStatus', { ProjectName: projectNameOf(context), State: state }, 'Statuses', {
      maxItems: DROPDOWN_LIMIT,
    });
    for (const row of rows) {
      const id = row.SpeakerID as string | undefined;
      if (!id || options.has(id)) continue;
      options.set(id, `${row.Alias ? `${String(row.Alias)} ` : ''}${id} – ${state}`);
    }
  }
  return [...options].map(([value, name]) => ({ name, value })).sort((a, b) => a.name.localeCompare(b.name));
}
