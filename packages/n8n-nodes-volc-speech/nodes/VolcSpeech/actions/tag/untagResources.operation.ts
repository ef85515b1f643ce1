import { TAG_RESOURCE_TYPE_GUESS } from '@volc-speech/client';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { TAGGED_RESOURCE_IDS } from '../../helpers/commonFields';
import { defineOperation } from '../../helpers/operation';

export const operation = defineOperation({
  action: 'UntagResources',
  name: 'Untag Resources',
  actionLabel: 'Remove tags from resources',
  promote: ['ResourceIds', 'TagKeys'],
  overrides: { ResourceType: { default: TAG_RESOURCE_TYPE_GUESS }, ResourceIds: TAGGED_RESOURCE_IDS },
});

export const { option, description } = operation;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
  return await operation.run(this, itemIndex);
}
