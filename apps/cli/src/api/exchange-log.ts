import { appendFileSync } from 'node:fs';

/** One request and its response, as `CERTGATE_HTTP_LOG` records it (one JSON line each). */
export interface Exchange {
  time: string;
  method: string;
  /** The URL path as the OpenAPI document names it, e.g. `/api/v1/roles/Role1`. */
  path: string;
  query: Record<string, string>;
  requestContentType?: string;
  requestBody?: unknown;
  status: number;
  contentType?: string;
  /** The response body when it is JSON. */
  body?: unknown;
  /** Size of a response body that is not JSON (PEM, DER, PKCS#12, zip). */
  bytes?: number;
}

/**
 * Fields whose values are secrets, and private keys wherever they are: kept out of the log
 * as `[redacted]` (still a string, so the record still validates against its schema).
 */
const SECRET_FIELDS = new Set(['password', 'secret', 'pkcs12', 'clientsecret']);
const PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;

/**
 * Appends every exchange to a file as JSON lines when `CERTGATE_HTTP_LOG=<file>` is set.
 * Never the Authorization header (headers are not recorded at all) nor a secret field.
 * Each line is one `appendFileSync`, so several CLI processes may share one file.
 */
export class ExchangeLog {
  constructor(readonly file: string) {}

  static fromEnv(env: NodeJS.ProcessEnv): ExchangeLog | undefined {
    return env.CERTGATE_HTTP_LOG ? new ExchangeLog(env.CERTGATE_HTTP_LOG) : undefined;
  }

  record(exchange: Exchange): void {
    const line = { ...exchange, requestBody: redact(exchange.requestBody), body: redact(exchange.body) };
    appendFileSync(this.file, JSON.stringify(line) + '\n');
  }
}

export function redact(value: unknown): unknown {
  if (typeof value === 'string') return PRIVATE_KEY.test(value) ? '[redacted]' : value;
  if (Array.isArray(value)) return value.map(redact);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_FIELDS.has(k) && typeof v === 'string' ? '[redacted]' : redact(v)] as const));
}
