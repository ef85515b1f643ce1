import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { API_KEY_LOCATOR } from '../../helpers/commonFields';
import { defineOperation } from '../../helpers/operation';

export const operation = defineOperation({
  action: 'UpdateAPIKey',
  name: 'Update API Key',
  actionLabel: 'Update an API key',
  overrides: {
    ID: API_KEY_LOCATOR,
    Disable: {
      displayName: 'Key State',
      description: 'Disable or enable the key (sent as the string "true" or "false", as the SDK types it)',
      options: [
        { name: 'Disabled', value: 'true' },
        { name: 'Enabled', value: 'false' },
      ],
    },
  },
});

export const { option, description } = operation;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
  return await operation.run(this, itemIndex);
}
