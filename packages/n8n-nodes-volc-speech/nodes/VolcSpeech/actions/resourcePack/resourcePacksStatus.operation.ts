import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { WATCHED_SERVICES } from '../../helpers/commonFields';
import { defineOperation } from '../../helpers/operation';
import { SIMPLIFY_FIELD, simplePacks, simplifiable } from '../../helpers/output';

export const operation = defineOperation({
  action: 'ResourcePacksStatus',
  name: 'Get Resource Pack Status',
  actionLabel: 'Get resource packs with purchased and used amounts',
  promote: ['ResourceIDs'],
  list: { itemsField: 'Packs' },
  outputFields: [SIMPLIFY_FIELD],
  shapeRows: simplifiable(simplePacks),
  overrides: { ResourceIDs: WATCHED_SERVICES },
});

export const { option, description } = operation;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
  return await operation.run(this, itemIndex);
}
