import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { MONITORING_MODE_OPTIONS, normalizeDays, RESOURCE_ID_LOCATOR, TODAY_DEFAULT } from '../../helpers/commonFields';
import { defineOperation } from '../../helpers/operation';
import { usageRows } from '../../helpers/output';

export const operation = defineOperation({
  action: 'UsageMonitoring',
  name: 'Get Usage',
  actionLabel: 'Get usage per day or hour',
  list: { itemsField: 'UsageMonitoring', unlimited: true },
  shapeRows: usageRows,
  overrides: {
    ResourceID: RESOURCE_ID_LOCATOR,
    Start: TODAY_DEFAULT,
    End: TODAY_DEFAULT,
    Mode: MONITORING_MODE_OPTIONS,
    UsageType: { placeholder: 'e.g. text_words' },
  },
  mapRequest: (request) => normalizeDays(request),
});

export const { option, description } = operation;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
  return await operation.run(this, itemIndex);
}
