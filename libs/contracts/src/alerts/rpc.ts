import { z } from 'zod';
import { emptySchema, voidSchema } from '../common';
import { rpcContract } from '../rpc';
import {
  alertMuteSchema,
  alertSubscriptionBodySchema,
  alertSubscriptionViewSchema,
  certificateAlertSchema,
  certificateSourceSchema,
  inventoryCertificateSchema,
} from './model';

export const inventoryQuerySchema = z
  .object({
    source: certificateSourceSchema.optional(),
    status: z.enum(['valid', 'expiring', 'expired']).optional(),
    /** `expiry`: soonest first (default); `-expiry`: latest first. */
    sort: z.enum(['expiry', '-expiry']).default('expiry'),
  })
  .strict();

export const AlertsRpc = {
  inventory: rpcContract('keystore.alerts.inventory.v1', inventoryQuerySchema, z.object({ certificates: z.array(inventoryCertificateSchema) })),
  /** The newest alerts of the ALERTS stream, oldest first. */
  list: rpcContract(
    'keystore.alerts.list.v1',
    z.object({ limit: z.number().int().min(1).max(1000).default(100) }).strict(),
    z.object({ alerts: z.array(certificateAlertSchema) }),
  ),
  scan: rpcContract('keystore.alerts.scan.v1', emptySchema, z.object({ certificates: z.number().int(), raised: z.number().int(), durationMs: z.number() })),
  listMutes: rpcContract('keystore.alerts.mutes.list.v1', emptySchema, z.object({ mutes: z.array(alertMuteSchema) })),
  mute: rpcContract(
    'keystore.alerts.mutes.put.v1',
    z.object({ source: certificateSourceSchema, reason: z.string().max(512).optional() }).strict(),
    alertMuteSchema,
  ),
  unmute: rpcContract('keystore.alerts.mutes.delete.v1', z.object({ source: certificateSourceSchema }).strict(), voidSchema),
  listSubscriptions: rpcContract('keystore.alerts.subscriptions.list.v1', emptySchema, z.object({ subscriptions: z.array(alertSubscriptionViewSchema) })),
  createSubscription: rpcContract('keystore.alerts.subscriptions.create.v1', alertSubscriptionBodySchema, alertSubscriptionViewSchema),
  deleteSubscription: rpcContract('keystore.alerts.subscriptions.delete.v1', z.object({ id: z.string().min(1).max(64) }).strict(), voidSchema),
} as const;
