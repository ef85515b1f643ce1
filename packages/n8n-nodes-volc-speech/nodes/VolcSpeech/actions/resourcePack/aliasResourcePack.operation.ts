import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { defineOperation } from '../../helpers/operation';

export const operation = defineOperation({
  action: 'AliasResourcePack',
  name: 'Set Resource Pack Alias',
  actionLabel: 'Set the alias of a voice resource pack',
});

export const { option, description } = operation;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
  return await operation.run(this, itemIndex);
}
