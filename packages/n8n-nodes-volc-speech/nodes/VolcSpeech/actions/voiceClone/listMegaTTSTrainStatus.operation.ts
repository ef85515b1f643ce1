import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { CLONED_VOICES_LOCATOR, VOICE_STATE_OPTIONS } from '../../helpers/commonFields';
import { defineOperation } from '../../helpers/operation';

export const operation = defineOperation({
  action: 'ListMegaTTSTrainStatus',
  name: 'Get Voice Training Status',
  actionLabel: 'Get the training state of cloned voices',
  list: { itemsField: 'Statuses' },
  overrides: { State: VOICE_STATE_OPTIONS, SpeakerIDs: CLONED_VOICES_LOCATOR },
});

export const { option, description } = operation;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
  return await operation.run(this, itemIndex);
}
