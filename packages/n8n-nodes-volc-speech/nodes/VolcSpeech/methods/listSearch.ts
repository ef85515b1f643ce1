/** Searchable lists for resource locators: pick a known service, or type a resource ID. */
import type { ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { toNodeError } from '../helpers/errors';
import { serviceOptions } from '../helpers/choices';
import { apiKeyOptions, clonedVoiceOptions } from '../helpers/accountChoices';

/** Options whose name or value contains the filter (case-insensitive), as list-search results. */
function matching(options: INodePropertyOptions[], filter?: string): INodeListSearchResult {
  const needle = filter?.trim().toLowerCase() ?? '';
  return {
    results: options
      .filter((option) => !needle || option.name.toLowerCase().includes(needle) || String(option.value).toLowerCase().includes(needle))
      .map((option) => ({ name: option.name, value: String(option.value) })),
  };
}

export async function searchResourceIds(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
  try {
    return matching(serviceOptions(), filter);
  } catch (error) {
    throw toNodeError(this.getNode(), error, 0);
  }
}

/** The project's API keys, by name or ID. */
export async function searchApiKeys(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
  try {
    return matching(await apiKeyOptions(this), filter);
  } catch (error) {
    throw toNodeError(this.getNode(), error, 0);
  }
}

/** Cloned voices, by alias or speaker ID. */
export async function searchClonedVoices(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
  try {
    return matching(await clonedVoiceOptions(this), filter);
  } catch (error) {
    throw toNodeError(this.getNode(), error, 0);
  }
}
