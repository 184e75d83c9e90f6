import { z } from 'zod';
import { LIMITS } from '../limits';

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
  /** `renewed`: certgate replaced a key pair it provisions (the tenant system key pair) ahead of its expiry. */
  type: z.enum(['expiring', 'expired', 'renewed']),
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
  /** `renewed` only: the fingerprint of the certificate that was replaced. */
  replacedFingerprint: z.string().optional(),
});
export type CertificateAlert = z.infer<typeof certificateAlertSchema>;

/** Subjects below the tenant namespace; the ALERTS stream captures `alerts.>`. */
export const AlertSubjects = {
  expiring: 'alerts.certificate.expiring',
  expired: 'alerts.certificate.expired',
  renewed: 'alerts.certificate.renewed',
  all: 'alerts.certificate.>',
} as const;

/** Spaces, control characters (CR, LF, tab, NUL …) and invisible ones (zero-width, bidi): a URL parser would drop or encode them silently. */
const INVISIBLE_IN_URL = /[\p{Cc}\p{Cf}\p{Z}]/u;

/**
 * What the keystore refuses in a webhook URL whatever its destination policy (which
 * checks the host: see the keystore's CERTGATE_ALERT_WEBHOOK_ALLOW): a character the
 * URL parser would remove or re-encode instead of taking as written, and credentials,
 * which would travel with every POST (the receiver checks the signature instead).
 */
function invisibleCharacterProblem(url: string): string | undefined {
  const found = INVISIBLE_IN_URL.exec(url);
  if (!found) return undefined;
  const code = (found[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  return `url must not contain spaces, control or invisible characters (U+${code} at position ${found.index}); they are not removed: percent-encode or delete them`;
}

function hasCredentials(url: string): boolean {
  try {
    const u = new URL(url);
    return u.username !== '' || u.password !== '';
  } catch {
    return false; // the url check names it
  }
}

export const alertSubscriptionBodySchema = z
  .object({
    url: z
      .string()
      .max(LIMITS.urlChars, `url is at most ${LIMITS.urlChars} characters`)
      .superRefine((u, ctx) => {
        const problem = invisibleCharacterProblem(u);
        if (problem) ctx.addIssue({ code: 'custom', message: problem, continue: false });
      })
      .url('url must be an absolute http(s) URL')
      .refine((u) => /^https?:\/\//.test(u), 'url must be http or https')
      .refine(
        (u) => !hasCredentials(u),
        "url must not contain credentials (user:password@): receivers authenticate deliveries by their X-Certgate-Signature, made with the subscription's secret",
      ),
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
