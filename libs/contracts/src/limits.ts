/**
 * Every bound on what an operator can deploy or store, in one place (docs/limits.md
 * lists them with their error codes). The byte size of each stored object has a bound of
 * its own, derived at run time from the NATS server's `max_payload` (libs/messaging's KV
 * repository); these keep the parts of an object far enough inside it, and the keys and
 * subjects built from them far inside NATS' 4096-byte control line.
 */
export const LIMITS = {
  /** A flow's sender address (`/orders/v2`): characters, and `/`-separated segments. */
  addressChars: 256,
  addressSegments: 16,
  /** A distinguished name given as text (subjectDN, issuerDN). */
  dnChars: 1024,
  /** A URL an operator gives (receiver, webhook). */
  urlChars: 2048,
  /** A `respond` step's body template. */
  templateChars: 256 * 1024,
  /** A header value (a template) of a step, and the headers of one `respond` step. */
  headerValueChars: 8 * 1024,
  headersPerStep: 64,
  /** Steps of one flow. */
  steps: 50,
  /** Certificates a client-certificate channel lists. */
  flowCertificates: 100,
  /** Client roots managed through the API (one stored object holds them all). */
  trustedRoots: 200,
  /** CRL URLs configured for one trusted root. */
  crlUrlsPerRoot: 8,
  /** CRLs an ingress replica holds at once (configured URLs, distribution points, files); a CRL larger than crlBytes is refused. */
  crls: 256,
  crlBytes: 16 * 1024 * 1024,
  /** Service keys of one service instance. */
  keysPerInstance: 100,
} as const;
