import { isIP } from 'node:net';
import { z } from 'zod';
import { baseEnvSchema, portSchema } from '@certgate/platform';
import { keyPolicyEnvSchema } from './tls/key-policy';

const list = z
  .string()
  .default('')
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  );

const positiveInt = z.coerce.number().int().positive();

/** An address or a CIDR block, IPv4 or IPv6. */
const addressOrCidr = z.string().refine((v) => {
  const [address, prefix, extra] = v.split('/');
  const family = isIP(address);
  if (!family || extra !== undefined) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}, 'not an IP address or CIDR block (10.0.0.0/8, 2001:db8::/32, 127.0.0.1)');

/** A SHA-256 certificate fingerprint, hex, colons allowed (as `openssl x509 -fingerprint -sha256` prints it). */
const sha256Fingerprint = z
  .string()
  .transform((v) => v.replace(/:/g, '').toLowerCase())
  .refine((v) => /^[0-9a-f]{64}$/.test(v), 'not a SHA-256 fingerprint (64 hex digits, colons allowed)');

export const ingressEnvSchema = baseEnvSchema.merge(keyPolicyEnvSchema).extend({
  INGRESS_PORT: portSchema.default(8443),
  INGRESS_HOST: z.string().default('127.0.0.1'),
  /** PEM text or a file path; both or neither with INGRESS_SERVER_CHAIN. */
  INGRESS_SERVER_KEY: z.string().optional(),
  INGRESS_SERVER_KEY_PASSPHRASE: z.string().optional(),
  /** PEM text or a file path: server certificate first, then intermediates. */
  INGRESS_SERVER_CHAIN: z.string().optional(),
  /** How often INGRESS_SERVER_KEY and INGRESS_SERVER_CHAIN, when they are files, are checked for a replacement (ms). */
  INGRESS_SERVER_FILES_CHECK_MS: z.coerce.number().int().min(100).max(3_600_000).default(5_000),
  /** Extra names for the dev server certificate besides localhost and 127.0.0.1. */
  INGRESS_HOSTNAMES: list,
  /** PEM bundle text or a file path: the trusted client roots (self-signed CAs only). */
  INGRESS_CLIENT_ROOTS: z.string().optional(),
  /** `optional`: a bad or missing certificate goes on without identity; `required`: the handshake is refused. */
  INGRESS_CLIENT_CERT: z.enum(['optional', 'required']).default('optional'),
  /** Encrypts the dev PKI's private keys at rest. */
  CERTGATE_MASTER_KEY: z.string().min(32, 'CERTGATE_MASTER_KEY must be at least 32 characters').optional(),
  /** How long a request waits for the flow runtime's reply before it is answered 503. */
  INGRESS_RUNTIME_TIMEOUT_MS: positiveInt.default(10_000),
  /** Largest request body forwarded to a flow; a larger one is answered 413. */
  INGRESS_MAX_BODY_BYTES: positiveInt.default(1024 * 1024),
  /**
   * Largest request line plus headers, in bytes (Node's `maxHeaderSize`); a larger
   * request is answered 431 before any handler runs.
   */
  INGRESS_MAX_HEADER_BYTES: positiveInt.default(16 * 1024),
  /**
   * `hide`: a request that cannot authenticate (no credentials, a malformed Authorization
   * header, a rejected certificate) gets the same 401 at an address without a flow as at
   * a deployed one, so flow addresses cannot be enumerated; `reveal`: it gets the
   * runtime's 404 there.
   */
  INGRESS_UNAUTHENTICATED_NOT_FOUND: z.enum(['hide', 'reveal']).default('hide'),
  /** Idle keep-alive connections are closed after this long (a load balancer keeps them well beyond Node's 5 s). */
  INGRESS_KEEP_ALIVE_TIMEOUT_MS: positiveInt.default(65_000),
  /**
   * Proxies that terminate TLS in front of the ingress and forward the client
   * certificate in RFC 9440's Client-Cert / Client-Cert-Chain headers: addresses or CIDR
   * blocks. Empty: no proxy is trusted and those headers are stripped from everyone.
   */
  INGRESS_TRUSTED_PROXIES: list.pipe(z.array(addressOrCidr)),
  /**
   * SHA-256 fingerprints of the proxies' own client certificates: when set, a trusted
   * proxy must also present one of them on its (mTLS) connection.
   */
  INGRESS_TRUSTED_PROXY_CERTS: list.pipe(z.array(sha256Fingerprint)),
  /** Also read Envoy's x-forwarded-client-cert (Cert/Chain) from trusted proxies, when they send no RFC 9440 header. */
  INGRESS_TRUSTED_PROXY_XFCC: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('false')
    .transform((v) => v === 'true'),
  /**
   * How long a TLS session stays resumable (seconds): a sender that reconnects within it
   * skips the certificate exchange and the key agreement's signatures. 0 turns resumption
   * off, so every connection makes a full handshake.
   */
  INGRESS_TLS_SESSION_TIMEOUT_SECONDS: z.coerce.number().int().min(0).max(3_600).default(300),
  /** How often the session ticket key is replaced (seconds); tickets issued under the old one then make a full handshake. */
  INGRESS_TLS_TICKET_KEY_ROTATION_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3_600),
  /** CRL files (PEM or DER) read at start and at every refresh; for deployments that mount CRLs instead of fetching them. */
  INGRESS_CRL_FILES: list,
  /** How often every CRL is fetched again (seconds); sooner when one reaches its nextUpdate. */
  INGRESS_CRL_REFRESH_SECONDS: z.coerce.number().int().min(5).max(86_400).default(300),
  /** How long one CRL fetch may take (ms). */
  INGRESS_CRL_FETCH_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  /** Retention of the ACCESS_LOG and TRACE_LOG streams, which the ingress creates. */
  INGRESS_LOG_STREAM_MAX_AGE_DAYS: positiveInt.default(7),
  INGRESS_LOG_STREAM_MAX_BYTES: positiveInt.default(256 * 1024 * 1024),
  /** Replicas of the log streams when they must differ from CERTGATE_NATS_REPLICAS (which applies when unset). */
  INGRESS_LOG_STREAM_REPLICAS: positiveInt.optional(),
});
export type IngressEnv = z.infer<typeof ingressEnvSchema>;
