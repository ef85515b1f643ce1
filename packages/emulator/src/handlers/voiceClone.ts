import { TAG_RESOURCE_TYPE_GUESS, VOICE_ORDER_SERVICE_NOT_RUNNING_CODE } from '@volc-speech/client';
import { ApiError, forbidden, invalidParameter } from '../errors.js';
import type { EmulatorState } from '../state/model.js';
import { peekOrderId, recordOrder } from '../state/orders.js';
import { VOICE_CLONE_ORDER_CODE, VOICE_CLONE_ORDER_RESOURCE, VOICE_CLONE_SERVICE_RESOURCE } from '../state/resourceProfiles.js';
import { isRunning } from '../state/services.js';
import { checkTermMonths } from '../state/time.js';
import { checkTags, tagResources } from '../state/tags.js';
import { batchListTrainStatus, listByOrderId, listTrainStatus, orderVoices, renewVoices, type VoiceFilter } from '../state/voices.js';
import type { Handler } from './context.js';

function filterOf(req: Omit<VoiceFilter, 'projectName'>, projectName: string): VoiceFilter {
  return { ...req, projectName };
}

export const listMegaTTSTrainStatus: Handler<'ListMegaTTSTrainStatus'> = (req, ctx) =>
  listTrainStatus(ctx.state.voices, filterOf(req, req.ProjectName), ctx.nowMs, '2025');

export const batchListMegaTTSTrainStatus: Handler<'BatchListMegaTTSTrainStatus'> = (req, ctx) =>
  batchListTrainStatus(ctx.state.voices, filterOf(req, req.ProjectName), req, ctx.nowMs, '2025');

export const orderAccessResourcePacks: Handler<'OrderAccessResourcePacks'> = (req, ctx) => {
  if (req.ResourceID !== VOICE_CLONE_ORDER_RESOURCE) throw invalidParameter('ResourceID', `must be ${VOICE_CLONE_ORDER_RESOURCE}, got ${req.ResourceID}`);
  if (req.Code !== VOICE_CLONE_ORDER_CODE) throw invalidParameter('Code', `must be ${VOICE_CLONE_ORDER_CODE}, got ${req.Code}`);
  if (req.Tags?.length) checkTags(req.Tags);
  checkTermMonths(req.Times, 'Times');
  if (!isRunning(ctx.state.services, req.ProjectName, VOICE_CLONE_SERVICE_RESOURCE)) {
    throw forbidden(VOICE_ORDER_SERVICE_NOT_RUNNING_CODE, `Voice cloning (${VOICE_CLONE_SERVICE_RESOURCE}) is not enabled and running in project ${req.ProjectName}`);
  }
  ctx.orderThrottle.take(req.Quantity, ctx.nowMs);
  const orderId = peekOrderId(ctx.state.orders);
  const voices = orderVoices(ctx.state, {
    projectName: req.ProjectName,
    quantity: req.Quantity,
    months: req.Times,
    nowMs: ctx.nowMs,
    deliveryMs: ctx.settings.orderDeliveryMs,
    orderId,
    random: ctx.random,
  });
  if (req.Tags?.length) tagResources(ctx.state.tags, TAG_RESOURCE_TYPE_GUESS, voices.map((v) => v.instanceNo), req.Tags);
  recordOrder(ctx.state.orders, {
    kind: 'voices',
    projectName: req.ProjectName,
    createdAt: ctx.nowMs,
    deliveredAt: ctx.nowMs + ctx.settings.orderDeliveryMs,
    quantity: req.Quantity,
    speakerIds: voices.map((v) => v.speakerId),
    instanceNumbers: voices.map((v) => v.instanceNo),
  });
  return { OrderIDs: [orderId] };
};

export const renewAccessResourcePacks: Handler<'RenewAccessResourcePacks'> = (req, ctx) => {
  const renewed = renewVoices(ctx.state.voices, req.SpeakerIDs, req.Times, ctx.nowMs, (count) => ctx.orderThrottle.take(count, ctx.nowMs));
  const order = recordOrder(ctx.state.orders, {
    kind: 'renewal',
    projectName: renewed[0]?.projectName ?? '',
    createdAt: ctx.nowMs,
    deliveredAt: ctx.nowMs,
    quantity: renewed.length,
    speakerIds: renewed.map((v) => v.speakerId),
    instanceNumbers: renewed.map((v) => v.instanceNo),
  });
  return { OrderIDs: [order.orderId] };
};

/** The AppID must be one of the account's apps (InvalidParameter.AppID, DOC23); returns its project. */
export function projectOfApp(state: EmulatorState, appId: string): string {
  const app = state.account.apps.find((a) => a.appId === appId);
  if (!app) throw new ApiError(400, 'InvalidParameter.AppID', `AppID ${appId} is not an app of this account`);
  return app.projectName;
}

export const listMegaTTSByOrderID: Handler<'ListMegaTTSByOrderID'> = (req, ctx) => {
  const projectName = projectOfApp(ctx.state, req.AppID);
  const order = ctx.state.orders.byId[req.OrderID];
  if (!order || order.kind !== 'voices' || order.projectName !== projectName) {
    throw invalidParameter('OrderID', `no voice order ${req.OrderID} for AppID ${req.AppID}`);
  }
  return listByOrderId(ctx.state, order, req, ctx.nowMs);
};
