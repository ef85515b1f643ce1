import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { RESOURCE_ID_LOCATOR } from '../../helpers/commonFields';
import { defineOperation } from '../../helpers/operation';

export const operation = defineOperation({
  action: 'ServiceStatus',
  name: 'Get Service Status',
  actionLabel: 'Get the service status',
  overrides: { ResourceID: RESOURCE_ID_LOCATOR },
});

export const { option, description } = operation;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
  return await operation.run(this, itemIndex);
}
