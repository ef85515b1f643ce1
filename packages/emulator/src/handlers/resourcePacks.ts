import { TAG_RESOURCE_TYPE_GUESS } from '@volc-speech/client';
import { missingParameter } from '../errors.js';
import { resourceInstanceNumber } from '../state/ids.js';
import { peekOrderId, recordOrder } from '../state/orders.js';
import {
  aliasResourcePack as alias,
  createPacks,
  formalizeVoicePack,
  requireConfigurations,
  resolveOffer,
  resourcePacksStatus as packsStatus,
} from '../state/resourcePacks.js';
import { checkTags, tagResources } from '../state/tags.js';
import type { Handler } from './context.js';

export const resourcePacksStatus: Handler<'ResourcePacksStatus'> = (req, ctx) => packsStatus(ctx.state, req, ctx.nowMs);

export const aliasResourcePack: Handler<'AliasResourcePack'> = (req, ctx) => alias(ctx.state, req, ctx.nowMs);

export const formalizeResourcePacks: Handler<'FormalizeResourcePacks'> = (req, ctx) => {
  if (req.Tags?.length) checkTags(req.Tags);
  const voice = formalizeVoicePack(ctx.state, req, ctx.nowMs);
  if (req.Tags?.length) tagResources(ctx.state.tags, TAG_RESOURCE_TYPE_GUESS, [voice.instanceNo], req.Tags);
  const order = recordOrder(ctx.state.orders, {
    kind: 'formalize',
    projectName: req.ProjectName,
    createdAt: ctx.nowMs,
    deliveredAt: ctx.nowMs,
    quantity: 1,
    speakerIds: [voice.speakerId],
    instanceNumbers: [voice.instanceNo],
  });
  return { OrderIDs: [order.orderId] };
};

/** One order per configuration. Every configuration is checked before any pack is created: all or nothing. */
export const orderResourcePacks: Handler<'OrderResourcePacks'> = (req, ctx) => {
  if (req.ResourceID === undefined || req.ResourceID === '') throw missingParameter('ResourceID');
  const resourceId = req.ResourceID;
  const configurations = requireConfigurations(req.Configurations);
  const offers = configurations.map((configuration, i) => {
    if (configuration.Tags?.length) checkTags(configuration.Tags, `Configurations[${i}].Tags`);
    return resolveOffer(resourceId, configuration, `Configurations[${i}]`);
  });
  const orderIds = configurations.map((configuration, i) => {
    const orderId = peekOrderId(ctx.state.orders);
    const packs = createPacks(ctx.state, {
      projectName: req.ProjectName,
      resourceId,
      offer: offers[i] as (typeof offers)[number],
      configuration,
      nowMs: ctx.nowMs,
      newInstanceNumber: () => resourceInstanceNumber('pack', ctx.random),
      orderId,
    });
    if (configuration.Tags?.length) tagResources(ctx.state.tags, TAG_RESOURCE_TYPE_GUESS, packs.map((p) => p.instanceNumber), configuration.Tags);
    recordOrder(ctx.state.orders, {
      kind: 'packs',
      projectName: req.ProjectName,
      createdAt: ctx.nowMs,
      deliveredAt: ctx.nowMs,
      quantity: packs.length,
      speakerIds: [],
      instanceNumbers: packs.map((p) => p.instanceNumber),
    });
    return orderId;
  });
  return { OrderIDs: orderIds };
};
