import { TAG_RESOURCE_TYPE_GUESS } from '@volc-speech/client';
import { missingParameter } from '../errors.js';
import { resourceInstanceNumber } from '../state/ids.js';
import { activateService as activate, serviceStatus as status, transitionServices } from '../state/services.js';
import { tagResources } from '../state/tags.js';
import type { Handler } from './context.js';

/** TerminateService has ProjectName optional in the SDK; the account's default project is meant then. */
const DEFAULT_PROJECT = 'default';

export const serviceStatus: Handler<'ServiceStatus'> = (req, ctx) => status(ctx.state.services, ctx.state.tags, req.ProjectName, req.ResourceID);

export const activateService: Handler<'ActivateService'> = (req, ctx) => {
  if (req.ResourceID === undefined || req.ResourceID === '') throw missingParameter('ResourceID');
  const activation: Parameters<typeof activate>[1] = {
    projectName: req.ProjectName,
    resourceId: req.ResourceID,
    nowMs: ctx.nowMs,
    newInstanceNumber: resourceInstanceNumber('svc', ctx.random),
  };
  if (req.BlueprintID !== undefined) activation.blueprintId = req.BlueprintID;
  const record = activate(ctx.state.services, activation);
  if (req.Tags?.length) tagResources(ctx.state.tags, TAG_RESOURCE_TYPE_GUESS, [record.instanceNumber], req.Tags);
  return {};
};

export const pauseService: Handler<'PauseService'> = (req, ctx) => {
  transitionServices(ctx.state.services, req.ProjectName, req.ResourceIDs, 'pause', ctx.nowMs);
  return {};
};

export const resumeService: Handler<'ResumeService'> = (req, ctx) => {
  transitionServices(ctx.state.services, req.ProjectName, req.ResourceIDs, 'resume', ctx.nowMs);
  return {};
};

export const terminateService: Handler<'TerminateService'> = (req, ctx) => {
  transitionServices(ctx.state.services, req.ProjectName ?? DEFAULT_PROJECT, req.ResourceIDs, 'terminate', ctx.nowMs);
  return {};
};
