import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { defineOperation } from '../../helpers/operation';

export const operation = defineOperation({
  action: 'OrderAccessResourcePacks',
  name: 'Order Voice Slots',
  actionLabel: 'Order cloned voice slots',
  overrides: {
    ResourceID: { default: 'volc.megatts.voiceclone' },
    Code: { default: 'Model_storage' },
  },
});

export const { option, description } = operation;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
  return await operation.run(this, itemIndex);
}
