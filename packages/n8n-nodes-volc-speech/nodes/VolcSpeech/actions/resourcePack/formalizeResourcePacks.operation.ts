import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { defineOperation } from '../../helpers/operation';

export const operation = defineOperation({
  action: 'FormalizeResourcePacks',
  name: 'Formalize Resource Pack',
  actionLabel: 'Convert a trial resource pack into a paid one',
});

export const { option, description } = operation;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
  return await operation.run(this, itemIndex);
}
