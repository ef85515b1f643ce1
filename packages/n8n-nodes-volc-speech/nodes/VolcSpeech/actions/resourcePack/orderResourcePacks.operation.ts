import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ORDER_CONFIGURATIONS, RESOURCE_ID_LOCATOR } from '../../helpers/commonFields';
import { defineOperation } from '../../helpers/operation';

export const operation = defineOperation({
  action: 'OrderResourcePacks',
  name: 'Order Resource Packs',
  actionLabel: 'Buy resource packs',
  promote: ['ResourceID', 'Configurations'],
  overrides: { ResourceID: RESOURCE_ID_LOCATOR, Configurations: ORDER_CONFIGURATIONS },
});

export const { option, description } = operation;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
  return await operation.run(this, itemIndex);
}
