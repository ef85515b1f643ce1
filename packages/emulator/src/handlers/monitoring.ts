import { gatewayError } from '../errors.js';
import type { EmulatorState } from '../state/model.js';
import { checkMode, checkRange, quotaRows, usageRows } from '../state/monitoring.js';
import { findService } from '../state/services.js';
import type { Handler } from './context.js';
import { projectOfApp } from './voiceClone.js';

/**
 * LIVE1: Quota/UsageMonitoring for a ResourceID the account does not have (there: a pack
 * InstanceNumber) answer HTTP 500 InternalError. The emulator's account "has" a resource once
 * it was activated in the project, whatever its state since. The message is INFER.
 */
function requireResource(state: EmulatorState, projectName: string, resourceId: string): void {
  if (!findService(state.services, projectName, resourceId)) {
    throw gatewayError('InternalError', `Internal error (resource ${resourceId} is not a resource of project ${projectName})`);
  }
}

/** QuotaType was defaulted to concurrency and unknown ones answered by liveBehaviour.ts (LIVE1). */
export const quotaMonitoring: Handler<'QuotaMonitoring'> = (req, ctx) => {
  const range = checkRange(req.Start, req.End);
  checkMode(req.Mode);
  requireResource(ctx.state, req.ProjectName, req.ResourceID);
  const query: Parameters<typeof quotaRows>[1] = { projectName: req.ProjectName, resourceId: req.ResourceID, range };
  if (req.QuotaType) query.quotaType = req.QuotaType;
  return { QuotaMonitoring: quotaRows(ctx.state.monitoring, query, ctx.nowMs) };
};

/**
 * Daily only (EXPL; liveBehaviour.ts refuses anything else). AppID is in neither the SDK model
 * nor EXPL; one older caller needed it (403 UnauthorizedRequest.AppID without). The emulator
 * does not require it, but checks it when sent.
 */
export const usageMonitoring: Handler<'UsageMonitoring'> = (req, ctx) => {
  const range = checkRange(req.Start, req.End);
  const mode = checkMode(req.Mode);
  if (req.AppID) projectOfApp(ctx.state, req.AppID);
  requireResource(ctx.state, req.ProjectName, req.ResourceID);
  const query: Parameters<typeof usageRows>[1] = { projectName: req.ProjectName, resourceId: req.ResourceID, range, mode };
  if (req.UsageType) query.usageType = req.UsageType;
  return { UsageMonitoring: usageRows(ctx.state.monitoring, query, ctx.nowMs) };
};
