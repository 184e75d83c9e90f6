import { z } from 'zod';

/** Where a certificate certgate relies on comes from (design §5, issue 6). */
export const CERTIFICATE_SOURCES = ['keystore', 'service-key', 'user-mapping', 'flow', 'ingress-trusted-root', 'ingress-server-chain'] as const;
export const certificateSourceSchema = z.enum(CERTIFICATE_SOURCES, { error: `source must be one of ${CERTIFICATE_SOURCES.join(', ')}` });
export type CertificateSource = z.infer<typeof certificateSourceSchema>;

/**
 * One certificate of the inventory. `ref` names it within its source, stable across
 * renewals: keystore `<alias>#<position in chain>`, service-key `<instance>/<key>`,
 * user-mapping `<mapping id>`, flow `<flow id>#<position>`, ingress roots and chain
 * `<origin>#<position>`. A renewal keeps source and ref and changes the fingerprint.
 */
export const inventoryCertificateSchema = z.object({
  source: certificateSourceSchema,
  ref: z.string(),
  subjectDN: z.string(),
  issuerDN: z.string(),
  subjectCN: z.string().optional(),
  issuerCN: z.string().optional(),
  serial: z.string(),
  fingerprint: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  status: z.enum(['valid', 'expiring', 'expired']),
  /** Whole days left, rounded down; negative once expired. */
  daysLeft: z.number().int(),
  muted: z.boolean(),
});
export type InventoryCertificate = z.infer<typeof inventoryCertificateSchema>;

/** The event of design §5, on `alerts.certificate.expiring|expired` in stream ALERTS. `threshold` is 0 for `expired`. */
export const certificateAlertSchema = z.object({
  id: z.string(),
  type: z.enum(['expiring', 'expired']),
  source: certificateSourceSchema,
  ref: z.string(),
  subjectDN: z.string(),
  issuerDN: z.string(),
  serial: z.string(),
  fingerprint: z.string(),
  notAfter: z.string(),
  daysLeft: z.number().int(),
  threshold: z.number().int().min(0),
  raisedAt: z.string(),
});
export type CertificateAlert = z.infer<typeof certificateAlertSchema>;

/** Subjects below the tenant namespace; the ALERTS stream captures `alerts.>`. */
export const AlertSubjects = {
  expiring: 'alerts.certificate.expiring',
  expired: 'alerts.certificate.expired',
  all: 'alerts.certificate.>',
} as const;

export const alertSubscriptionBodySchema = z
  .object({
    url: z
      .string()
      .url('url must be an absolute http(s) URL')
      .refine((u) => /^https?:\/\//.test(u), 'url must be http or https'),
    secret: z.string().min(16, 'secret must be at least 16 characters (it keys the HMAC-SHA256 signature)').max(256),
    sources: z.array(certificateSourceSchema).min(1).optional(),
    /** Days of the thresholds to deliver (0 = expired); absent: all. */
    thresholds: z.array(z.number().int().min(0)).min(1).optional(),
  })
  .strict();
export type AlertSubscriptionBody = z.infer<typeof alertSubscriptionBodySchema>;

/**
 * What a subscription's deliveries have come to, kept by the keystore replicas that
 * deliver (counted once per alert the receiver took, and once per failed attempt).
 */
export const subscriptionDeliveriesSchema = z.object({
  /** Alerts the receiver answered 2xx to. */
  delivered: z.number().int().min(0),
  /** Attempts that failed (non-2xx answer, timeout, connection refused); each is retried. */
  failedAttempts: z.number().int().min(0),
  lastDeliveredAt: z.string().optional(),
  lastFailedAt: z.string().optional(),
  /** Why the last failed attempt failed, e.g. `receiver answered HTTP 503`. */
  lastError: z.string().optional(),
  /** Alerts raised but not yet handled for this subscription (being retried included); absent when the consumer cannot be read. */
  pending: z.number().int().min(0).optional(),
});
export type SubscriptionDeliveries = z.infer<typeof subscriptionDeliveriesSchema>;

/** A webhook subscription as stored; the secret is sealed like a private key and never shown again. */
export const alertSubscriptionViewSchema = z.object({
  id: z.string(),
  url: z.string(),
  sources: z.array(certificateSourceSchema).optional(),
  thresholds: z.array(z.number().int()).optional(),
  createdAt: z.string(),
  /** Durable JetStream consumer that delivers to this subscription. */
  consumer: z.string(),
  deliveries: subscriptionDeliveriesSchema,
});
export type AlertSubscriptionView = z.infer<typeof alertSubscriptionViewSchema>;

export const alertMuteSchema = z.object({ source: certificateSourceSchema, reason: z.string().max(512).optional(), mutedAt: z.string() });
export type AlertMute = z.infer<typeof alertMuteSchema>;

/** Key layout of the alert-state bucket (owned by the keystore). */
export const AlertStateKv = {
  /** Written once an alert (certificate × threshold) was published: nothing is raised twice. */
  raised: (id: string) => `raised.${id}`,
  mute: (source: CertificateSource) => `mute.${source}`,
  subscription: (id: string) => `subscription.${id}`,
} as const;

/** Header of each webhook POST: `sha256=<hex HMAC-SHA256 of the raw body under the secret>`. */
export const ALERT_SIGNATURE_HEADER = 'X-Certgate-Signature';
