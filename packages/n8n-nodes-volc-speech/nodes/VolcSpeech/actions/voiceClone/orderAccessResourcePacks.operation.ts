import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { VOICE_SLOT_CODE, VOICE_SLOT_RESOURCE_ID } from '../../helpers/commonFields';
import { defineOperation } from '../../helpers/operation';

export const operation = defineOperation({
  action: 'OrderAccessResourcePacks',
  name: 'Order Voice Slots',
  actionLabel: 'Order cloned voice slots',
  overrides: {
    ResourceID: VOICE_SLOT_RESOURCE_ID,
    Code: VOICE_SLOT_CODE,
  },
});

export const { option, description } = operation;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
  return await operation.run(this, itemIndex);
}
