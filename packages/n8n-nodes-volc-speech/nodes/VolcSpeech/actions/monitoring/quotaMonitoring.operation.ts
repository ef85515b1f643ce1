import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { MONITORING_MODE_OPTIONS, normalizeDays, QUOTA_TYPE_OPTIONS, RESOURCE_ID_LOCATOR, TODAY_DEFAULT } from '../../helpers/commonFields';
import { defineOperation } from '../../helpers/operation';
import { quotaRows } from '../../helpers/output';

export const operation = defineOperation({
  action: 'QuotaMonitoring',
  name: 'Get Rate-Limit Usage',
  actionLabel: 'Get rate limit use against its limit',
  promote: ['QuotaType'],
  list: { itemsField: 'QuotaMonitoring', unlimited: true },
  shapeRows: quotaRows,
  overrides: {
    ResourceID: RESOURCE_ID_LOCATOR,
    Start: TODAY_DEFAULT,
    End: TODAY_DEFAULT,
    Mode: MONITORING_MODE_OPTIONS,
    QuotaType: QUOTA_TYPE_OPTIONS,
  },
  mapRequest: (request) => normalizeDays(request),
});

export const { option, description } = operation;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
  return await operation.run(this, itemIndex);
}
