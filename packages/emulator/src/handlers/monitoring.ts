import { checkMode, checkRange, quotaRows, usageRows } from '../state/monitoring.js';
import type { Handler } from './context.js';
import { projectOfApp } from './voiceClone.js';

export const quotaMonitoring: Handler<'QuotaMonitoring'> = (req, ctx) => {
  const range = checkRange(req.Start, req.End);
  checkMode(req.Mode);
  const query: Parameters<typeof quotaRows>[1] = { projectName: req.ProjectName, resourceId: req.ResourceID, range };
  if (req.QuotaType) query.quotaType = req.QuotaType;
  return { QuotaMonitoring: quotaRows(ctx.state.monitoring, query, ctx.nowMs) };
};

/**
 * AppID is not in the SDK model; one caller needed it (403 UnauthorizedRequest.AppID without).
 * The emulator does not require it, but checks it when sent.
 */
export const usageMonitoring: Handler<'UsageMonitoring'> = (req, ctx) => {
  const range = checkRange(req.Start, req.End);
  const mode = checkMode(req.Mode);
  if (req.AppID) projectOfApp(ctx.state, req.AppID);
  const query: Parameters<typeof usageRows>[1] = { projectName: req.ProjectName, resourceId: req.ResourceID, range, mode };
  if (req.UsageType) query.usageType = req.UsageType;
  return { UsageMonitoring: usageRows(ctx.state.monitoring, query, ctx.nowMs) };
};
