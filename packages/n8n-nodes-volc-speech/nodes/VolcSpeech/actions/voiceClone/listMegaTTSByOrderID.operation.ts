import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { defineOperation } from '../../helpers/operation';

export const operation = defineOperation({
  action: 'ListMegaTTSByOrderID',
  name: 'List Voices by Order ID',
  actionLabel: 'List the voices bought by an order',
  list: { itemsField: 'Statuses' },
});

export const { option, description } = operation;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
  return await operation.run(this, itemIndex);
}
