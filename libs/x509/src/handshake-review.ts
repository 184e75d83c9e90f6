// The request path's verdict on a client (or server) chain: OpenSSL decides in the
// TLS handshake, then certgate's certificate policy (verifyChain) decides on the same
// chain, so the request path admits exactly what the admin side admits
// (docs/certificate-policy.md, "Two engines"). The ingress runs this once per
// distinct chain; the x509-limbo harness runs it on every case with `openssl verify`.
import type { Certificate } from './certificate';
import { verifyChain } from './chain';
import type { KeyPolicy } from './chain-keys';
import { certName } from './chain-names';
import { describeReason, reasonFromTlsError, type ChainFailureReason, type Purpose } from './chain-reasons';
import { parseCertificates } from './parse';

export interface HandshakeReviewInput {
  /** OpenSSL's verdict: '' when it accepted the chain, else its error (Node's `authorizationError`, X509_V_ERR_* without the prefix). */
  tlsError: string;
  /** The peer's chain as Node reports it: leaf first, then the issuers OpenSSL linked (sent intermediates, the trusted root). */
  chain: Certificate[];
  /** The trusted roots in force, vetted when they were loaded. */
  anchors: readonly Certificate[];
  purpose: Purpose;
  keyPolicy?: KeyPolicy;
  at?: Date;
}

/** `engine` says who refused: OpenSSL in the handshake, the policy after it, or both. */
/** On success, `chain` is the verified path, leaf first, trusted root last: whose root's own policy applies next. */
export type HandshakeReview =
  { ok: true; chain: Certificate[] } | { ok: false; reason: ChainFailureReason; message: string; engine: 'openssl' | 'policy' | 'both' };

export async function reviewHandshakeChain(input: HandshakeReviewInput): Promise<HandshakeReview> {
  const { tlsError, chain } = input;
  const [leaf, ...intermediates] = chain;
  const verdict = await verifyChain({
    leaf,
    intermediates,
    anchors: input.anchors,
    purpose: input.purpose,
    keyPolicy: input.keyPolicy,
    at: input.at,
    anchorsVetted: true,
  });
  if (tlsError === '')
    return verdict.ok ? { ok: true, chain: verdict.chain } : { ok: false, reason: verdict.reason, message: verdict.message, engine: 'policy' };

  const opensslReason = reasonFromTlsError(tlsError);
  if (verdict.ok) {
    // OpenSSL refused what the policy accepts: the refusal stands (nothing fails open), with OpenSSL's reason.
    return { ok: false, reason: opensslReason, message: `${describeReason(opensslReason)} (${tlsError})`, engine: 'openssl' };
  }
  // Node reports only the certificates OpenSSL could link as issuers: one it refused to link (an issuer that is not a
  // CA, say) is missing from what the policy saw, which then looks incomplete. OpenSSL's reason is the true one there.
  if (verdict.reason === 'chain_incomplete' && opensslReason !== 'chain_incomplete' && opensslReason !== 'unknown') {
    const top = chain[chain.length - 1];
    const where = `the issuer '${top.issuerDN}' of ${certName(top)}, at depth ${chain.length}`;
    // Node names only some of OpenSSL's errors; the rest are UNSPECIFIED. Measured: an issuer whose key usage lacks keyCertSign.
    const message =
      tlsError === 'UNSPECIFIED'
        ? `${where}, was sent but OpenSSL would not take it as an issuer: it is not a CA certificate, or its key usage lacks keyCertSign (${tlsError})`
        : `${describeReason(opensslReason)}: ${where} (${tlsError})`;
    return { ok: false, reason: opensslReason, message, engine: 'both' };
  }
  return { ok: false, reason: verdict.reason, message: `${verdict.message} (${tlsError})`, engine: 'both' };
}

/**
 * The anchors of an outbound trust store (the keystore's trusted certificates): its
 * self-signed CA certificates, as OpenSSL takes no intermediate as one. What receiver
 * calls and the connectivity test review a server chain against.
 */
export function trustStoreAnchors(pems: readonly string[]): Certificate[] {
  return pems.flatMap((pem) => parseCertificates(pem)).filter((c) => c.isSelfIssued && c.isCA);
}
