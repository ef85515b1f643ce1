/**
 * Orders: every spending action (OrderResourcePacks, FormalizeResourcePacks,
 * OrderAccessResourcePacks, RenewAccessResourcePacks) records one per OrderID it returns, so
 * ListMegaTTSByOrderID can find what an order bought.
 */
import type { OrderRecord, OrdersState } from './model.js';
import { orderId } from './ids.js';

export function recordOrder(orders: OrdersState, order: Omit<OrderRecord, 'orderId'>): OrderRecord {
  const record: OrderRecord = { orderId: orderId(orders.nextSequence++), ...order };
  orders.byId[record.orderId] = record;
  return record;
}

/** The next OrderID, reserved before the things it buys are created (they carry it). */
export function peekOrderId(orders: OrdersState): string {
  return orderId(orders.nextSequence);
}
