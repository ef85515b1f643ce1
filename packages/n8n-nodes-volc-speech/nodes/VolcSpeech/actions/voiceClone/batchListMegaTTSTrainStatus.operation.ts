import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { CLONED_VOICES_LOCATOR, VOICE_STATE_OPTIONS } from '../../helpers/commonFields';
import { defineOperation } from '../../helpers/operation';
import { SIMPLIFY_FIELD, pick, simplifiable } from '../../helpers/output';

export const operation = defineOperation({
  action: 'BatchListMegaTTSTrainStatus',
  name: 'List Cloned Voices',
  actionLabel: 'List cloned voices',
  list: { itemsField: 'Statuses' },
  outputFields: [SIMPLIFY_FIELD],
  shapeRows: simplifiable((rows) => pick(rows, ['SpeakerID', 'Alias', 'State', 'Version', 'ResourceID', 'CreateTime', 'ExpireTime', 'InstanceNO'])),
  overrides: { State: VOICE_STATE_OPTIONS, SpeakerIDs: CLONED_VOICES_LOCATOR },
});

export const { option, description } = operation;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
  return await operation.run(this, itemIndex);
}
