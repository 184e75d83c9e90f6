import { z } from 'zod';

/** The chain's start: the `prev` of the first record a stream ever held. */
export const GENESIS_HASH = '0'.repeat(64);

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** Who made the request. Never a secret: a token's id, not the token. */
export const auditActorSchema = z.object({
  /** `admin-token`, `operator` (API token), `session` (web console), `anonymous` (no valid credentials). */
  kind: z.enum(['admin-token', 'operator', 'session', 'anonymous']),
  operator: z.string().optional(),
  tokenId: z.string().optional(),
  sessionId: z.string().optional(),
  /** How a session was opened. */
  via: z.enum(['oidc', 'token']).optional(),
  roles: z.array(z.string()).optional(),
  /** The client's address as the console saw it. */
  address: z.string(),
  /** `web` (a cookie session), `cli` (certgate CLI), `api` (anything else). */
  surface: z.enum(['api', 'cli', 'web']),
});
export type AuditActor = z.infer<typeof auditActorSchema>;

/** What was asked: the operation, the object, and digests of the object around the change. */
export const auditActionSchema = z.object({
  /** `POST /ingress/trusted-roots`: the method and the route as the API documents it. */
  operation: z.string(),
  /** The object, as its API path: `/ingress/trusted-roots/9f2c…`. */
  object: z.string(),
  /** The permission the operation needs (absent for sign-in and sign-out). */
  permission: z.string().optional(),
  /** SHA-256 of the object as the API showed it before the change (absent when it did not exist). */
  before: sha256Hex.optional(),
  /** SHA-256 of the object after the change, or of the answer (secrets left out) when it has no address. */
  after: sha256Hex.optional(),
});
export type AuditAction = z.infer<typeof auditActionSchema>;

export const auditOutcomeSchema = z.object({
  /** The HTTP status the caller got. */
  status: z.number().int(),
  /** `ok` 2xx; `refused` 401/403/409 and other 4xx; `failed` 5xx. */
  result: z.enum(['ok', 'refused', 'failed']),
  /** The error code of a refusal or failure (docs/errors.md). */
  code: z.string().optional(),
  message: z.string().optional(),
});
export type AuditOutcome = z.infer<typeof auditOutcomeSchema>;

/** What one console replica appends for one request: everything but the chain fields. */
export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  requestId: z.string().optional(),
  who: auditActorSchema,
  what: auditActionSchema,
  outcome: auditOutcomeSchema,
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/**
 * As stored in the AUDIT stream: the entry, its place in the chain (`index`, 1 for the
 * first record ever), the previous record's hash, and its own hash over all of it.
 */
export const auditRecordSchema = auditEntrySchema.extend({
  v: z.literal(1),
  index: z.number().int().min(1),
  prev: sha256Hex,
  hash: sha256Hex,
});
export type AuditRecord = z.infer<typeof auditRecordSchema>;

export const resultOfStatus = (status: number): AuditOutcome['result'] => (status < 400 ? 'ok' : status < 500 ? 'refused' : 'failed');
