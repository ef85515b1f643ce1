import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { API_KEY_LOCATOR } from '../../helpers/commonFields';
import { defineOperation } from '../../helpers/operation';

export const operation = defineOperation({
  action: 'DeleteAPIKey',
  name: 'Delete API Key',
  actionLabel: 'Delete an API key',
  overrides: { ID: API_KEY_LOCATOR },
});

export const { option, description } = operation;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
  return await operation.run(this, itemIndex);
}
