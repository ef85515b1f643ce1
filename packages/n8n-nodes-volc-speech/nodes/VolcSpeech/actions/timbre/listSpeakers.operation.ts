import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { VOICE_TYPES_DROPDOWN } from '../../helpers/commonFields';
import { defineOperation } from '../../helpers/operation';
import { SIMPLIFY_FIELD, pick, simplifiable } from '../../helpers/output';

export const operation = defineOperation({
  action: 'ListSpeakers',
  name: 'List Speakers',
  actionLabel: 'List speakers from the voice catalogue',
  list: { itemsField: 'Speakers' },
  outputFields: [SIMPLIFY_FIELD],
  shapeRows: simplifiable((rows) => pick(rows, ['VoiceType', 'Name', 'Gender', 'Age', 'ResourceID', 'Description', 'TrialURL', 'Status'])),
  overrides: { VoiceTypes: VOICE_TYPES_DROPDOWN },
});

export const { option, description } = operation;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
  return await operation.run(this, itemIndex);
}
