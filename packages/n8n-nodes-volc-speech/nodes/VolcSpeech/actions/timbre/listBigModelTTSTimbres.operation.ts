import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { defineOperation } from '../../helpers/operation';
import { SIMPLIFY_FIELD, simpleTimbres, simplifiable } from '../../helpers/output';

export const operation = defineOperation({
  action: 'ListBigModelTTSTimbres',
  name: 'List Big-Model TTS Timbres',
  actionLabel: 'List big model TTS timbres',
  list: { itemsField: 'Timbres' },
  outputFields: [SIMPLIFY_FIELD],
  shapeRows: simplifiable(simpleTimbres),
});

export const { option, description } = operation;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
  return await operation.run(this, itemIndex);
}
