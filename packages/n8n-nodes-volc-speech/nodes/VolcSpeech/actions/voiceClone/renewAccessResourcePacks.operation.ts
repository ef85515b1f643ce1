import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { CLONED_VOICES_LOCATOR } from '../../helpers/commonFields';
import { defineOperation } from '../../helpers/operation';

export const operation = defineOperation({
  action: 'RenewAccessResourcePacks',
  name: 'Renew Cloned Voices',
  actionLabel: 'Renew cloned voices',
  promote: ['SpeakerIDs'],
  overrides: { SpeakerIDs: CLONED_VOICES_LOCATOR },
});

export const { option, description } = operation;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
  return await operation.run(this, itemIndex);
}
