import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { defineOperation, resultItem } from '../../helpers/operation';
import { callAction } from '../../transport';

export const operation = defineOperation({
  action: 'CreateAPIKey',
  name: 'Create API Key',
  actionLabel: 'Create an API key',
});

export const { option, description } = operation;

/**
 * CreateAPIKey answers without the new key (the SDK model has no Result fields), so the key is
 * read back with ListAPIKeys: the newest key of that name is the one just made. The next node
 * can then use `{{ $json.ID }}`.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
  const request = operation.request(this, itemIndex);
  const signal = this.getExecutionCancelSignal?.();
  const result = await callAction(this, 'CreateAPIKey', request, signal ? { signal } : {});
  if (Object.keys(result).length > 0) return [result];

  const listed = await callAction(this, 'ListAPIKeys', { ProjectName: request.ProjectName }, signal ? { signal } : {});
  const created = ((listed.APIKeys as IDataObject[] | undefined) ?? [])
    .filter((key) => key.Name === request.Name)
    .sort((a, b) => Number(b.ID ?? 0) - Number(a.ID ?? 0))[0];
  return [created ? { ...created, created: true } : resultItem(operation.spec, request, result)];
}
