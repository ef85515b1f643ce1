import { missingParameter } from '../errors.js';
import { listTagsForResources as listTags, tagResources as tag, untagResources as untag } from '../state/tags.js';
import type { Handler } from './context.js';

export const listTagsForResources: Handler<'ListTagsForResources'> = (req, ctx) => listTags(ctx.state.tags, req);

export const tagResources: Handler<'TagResources'> = (req, ctx) => {
  if (!req.ResourceIds?.length) throw missingParameter('ResourceIds');
  if (!req.Tags?.length) throw missingParameter('Tags');
  tag(ctx.state.tags, req.ResourceType, req.ResourceIds, req.Tags);
  return {};
};

export const untagResources: Handler<'UntagResources'> = (req, ctx) => {
  if (!req.ResourceIds?.length) throw missingParameter('ResourceIds');
  if (!req.TagKeys?.length) throw missingParameter('TagKeys');
  untag(ctx.state.tags, req.ResourceType, req.ResourceIds, req.TagKeys);
  return {};
};
