import { z } from 'zod';
import { operatorRoleSchema } from './model';

/**
 * A web console sign-in (docs/operators.md, "Web console sign-in"): the browser holds
 * `<id>.<secret>` in an httpOnly cookie, the operators bucket only the SHA-256 of the
 * secret and of the CSRF token. Identity writes these records; every console replica
 * watches them, so a sign-out is in force everywhere within milliseconds.
 */
export const SESSION_VIA = ['oidc', 'token'] as const;
export type SessionVia = (typeof SESSION_VIA)[number];

/** 128 random bits as hex: the record's key, never enough on its own to use the session. */
export const sessionIdSchema = z.string().regex(/^[0-9a-f]{32}$/, 'a session id is 32 hex digits');

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** Longest session identity makes (CERTGATE_SESSION_HOURS is checked against it too). */
export const MAX_SESSION_SECONDS = 30 * 86_400;

export const storedSessionSchema = z.object({
  id: sessionIdSchema,
  via: z.enum(SESSION_VIA),
  /** The operator (token sessions) or the identity provider's name claim (oidc); absent for the bootstrap admin token. */
  operator: z.string().min(1).max(256).optional(),
  /** The API token the session was made from: the session ends with it. */
  tokenId: z
    .string()
    .regex(/^[0-9a-f]{16}$/)
    .optional(),
  roles: z.array(operatorRoleSchema).min(1),
  /** A session made from the bootstrap admin token: the token's SHA-256, so that replacing the token ends the session. */
  adminTokenSha256: sha256Hex.optional(),
  createdAt: z.string(),
  /** Absolute: a session is never extended. */
  expiresAt: z.string(),
  secretSha256: sha256Hex,
  csrfSha256: sha256Hex,
});
export type StoredSession = z.infer<typeof storedSessionSchema>;

/** What the console asks identity to keep: hashes only, the secrets stay with the console and the browser. */
export const createSessionSchema = storedSessionSchema
  .omit({ id: true, createdAt: true, expiresAt: true })
  .extend({ expiresInSeconds: z.number().positive().max(MAX_SESSION_SECONDS) })
  .strict();
export type CreateSession = z.infer<typeof createSessionSchema>;

/** A session as identity answers it: never the hashes. */
export const sessionViewSchema = storedSessionSchema.omit({ secretSha256: true, csrfSha256: true, adminTokenSha256: true });
export type SessionView = z.infer<typeof sessionViewSchema>;
