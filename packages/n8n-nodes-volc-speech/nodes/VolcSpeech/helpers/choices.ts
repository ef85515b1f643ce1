/** Choices read from the API, shared by the dropdowns (methods/) and the trigger. */
import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listAction } from '../transport';
import type { CredentialSource } from '../transport';

/** Enough for a dropdown; a larger account should type the ID or use an expression. */
export const DROPDOWN_LIMIT = 2000;

/** Resource IDs seen in the account's resource packs, labelled with their display names. */
export async function resourceIdOptions(context: CredentialSource, projectName: string): Promise<INodePropertyOptions[]> {
  const packs = await listAction(context, 'ResourcePacksStatus', { ProjectName: projectName }, 'Packs', { maxItems: DROPDOWN_LIMIT });
  const byId = new Map<string, string>();
  for (const pack of packs) {
    const id = (pack.ResourceID as string | undefined) ?? ((pack.Harvest as IDataObject | undefined)?.ResourceID as string | undefined);
    if (!id || byId.has(id)) continue;
    const label = (pack.ResourceDisplay as string | undefined) || (pack.GroupName as string | undefined);
    byId.set(id, label ? `${label} (${id})` : id);
  }
  return [...byId].map(([value, name]) => ({ name, value })).sort((a, b) => a.name.localeCompare(b.name));
}

/** The Project Name the user set on this operation, else the default project. */
export function projectNameOf(context: ILoadOptionsFunctions): string {
  try {
    const value = context.getCurrentNodeParameter('projectName');
    return typeof value === 'string' && value.trim() ? value.trim() : 'default';
  } catch {
    // The operation has no Project Name field: the default project is the only sensible one.
    return 'default';
  }
}
