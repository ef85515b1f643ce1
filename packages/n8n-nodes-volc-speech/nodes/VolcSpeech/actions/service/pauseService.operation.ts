import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { RESOURCE_IDS_DROPDOWN } from '../../helpers/commonFields';
import { defineOperation } from '../../helpers/operation';

export const operation = defineOperation({
  action: 'PauseService',
  name: 'Pause Service',
  actionLabel: 'Pause the service',
  promote: ['ResourceIDs'],
  overrides: { ResourceIDs: RESOURCE_IDS_DROPDOWN },
});

export const { option, description } = operation;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
  return await operation.run(this, itemIndex);
}
