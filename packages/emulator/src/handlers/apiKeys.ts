import { createApiKey, createResult, deleteApiKey, listApiKeys, updateApiKey } from '../state/apiKeys.js';
import { toBoolean } from '../validate.js';
import type { Handler } from './context.js';

export const listAPIKeys: Handler<'ListAPIKeys'> = (req, ctx) => listApiKeys(ctx.state.apiKeys, req.ProjectName, req.OnlyAvailable ?? false);

export const createAPIKey: Handler<'CreateAPIKey'> = (req, ctx) => {
  return createResult(createApiKey(ctx.state.apiKeys, req.ProjectName, req.Name, ctx.nowMs));
};

export const deleteAPIKey: Handler<'DeleteAPIKey'> = (req, ctx) => {
  deleteApiKey(ctx.state.apiKeys, req.ProjectName, req.ID);
  return {};
};

export const updateAPIKey: Handler<'UpdateAPIKey'> = (req, ctx) => {
  const changes: { name?: string; disable?: boolean } = {};
  if (req.Name !== undefined) changes.name = req.Name;
  // A string in the SDK model ("true"/"false"), a bool in the list output: both are accepted.
  if (req.Disable !== undefined && req.Disable !== '') changes.disable = toBoolean(req.Disable, 'Disable');
  updateApiKey(ctx.state.apiKeys, req.ProjectName, req.ID, changes, ctx.nowMs);
  return {};
};
