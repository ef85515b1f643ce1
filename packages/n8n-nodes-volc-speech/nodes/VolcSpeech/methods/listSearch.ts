/** Searchable lists for resource locators: type a resource ID, or pick one the account has. */
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { toNodeError } from '../helpers/errors';
import { projectNameOf, resourceIdOptions } from '../helpers/choices';

export async function searchResourceIds(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
  try {
    const needle = filter?.trim().toLowerCase() ?? '';
    const options = await resourceIdOptions(this, projectNameOf(this));
    const results = options
      .filter((option) => !needle || option.name.toLowerCase().includes(needle) || String(option.value).toLowerCase().includes(needle))
      .map((option) => ({ name: option.name, value: option.value }));
    return { results };
  } catch (error) {
    throw toNodeError(this.getNode(), error, 0);
  }
}
