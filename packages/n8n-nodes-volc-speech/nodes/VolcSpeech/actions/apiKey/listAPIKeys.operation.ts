import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { defineOperation } from '../../helpers/operation';
import { REVEAL_API_KEYS_FIELD, maskApiKeys } from '../../helpers/output';

export const operation = defineOperation({
  action: 'ListAPIKeys',
  name: 'List API Keys',
  actionLabel: 'List API keys',
  list: { itemsField: 'APIKeys' },
  outputFields: [REVEAL_API_KEYS_FIELD],
  shapeRows: maskApiKeys,
  overrides: { OnlyAvailable: { description: 'Whether to list only the keys that are not disabled' } },
});

export const { option, description } = operation;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
  return await operation.run(this, itemIndex);
}
