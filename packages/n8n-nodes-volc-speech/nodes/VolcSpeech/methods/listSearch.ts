/** Searchable lists for resource locators: pick a known service, or type a resource ID. */
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { toNodeError } from '../helpers/errors';
import { serviceOptions } from '../helpers/choices';

export async function searchResourceIds(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
  try {
    const needle = filter?.trim().toLowerCase() ?? '';
    const options = serviceOptions();
    const results = options
      .filter((option) => !needle || option.name.toLowerCase().includes(needle) || String(option.value).toLowerCase().includes(needle))
      .map((option) => ({ name: option.name, value: option.value }));
    return { results };
  } catch (error) {
    throw toNodeError(this.getNode(), error, 0);
  }
}
