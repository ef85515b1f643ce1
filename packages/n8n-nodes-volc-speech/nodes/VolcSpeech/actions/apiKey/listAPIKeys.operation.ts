import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { defineOperation } from '../../helpers/operation';

export const operation = defineOperation({
  action: 'ListAPIKeys',
  name: 'List API Keys',
  actionLabel: 'List API keys',
  list: { itemsField: 'APIKeys' },
  overrides: { OnlyAvailable: { description: 'Whether to list only the keys that are not disabled' } },
});

export const { option, description } = operation;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
  return await operation.run(this, itemIndex);
}
