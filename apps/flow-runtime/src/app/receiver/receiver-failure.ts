import { CertgateError, ErrorCode } from '@certgate/contracts';
import { isClientCertificateAlert, reasonFromTlsError, tlsAlertFromError, type ChainFailureReason } from '@certgate/x509';

/**
 * A receiver call that failed, with the sentence the MPL record and the sender's 502
 * carry. Built from codes and names only: never from key material, never from a body.
 */
export class ReceiverFailure extends Error {
  override readonly name = 'ReceiverFailure';
}

/** Where the call went and with which identity: what a failure sentence needs to name. */
export interface CallTarget {
  host: string;
  port: number;
  /** The key pair presented; undefined for `authentication: none`. */
  alias?: string;
}

/** Stage of the call when it failed, as seen on the socket. */
export interface CallStage {
  /** The TLS handshake completed on a new connection. */
  secured: boolean;
  /** The connection was a kept-alive one from an earlier call. */
  reused: boolean;
  /** Response headers had arrived. */
  answered: boolean;
}

const UNTRUSTED = "the receiver's certificate chain is not trusted by the keystore";
const ADD_ROOT = "add the receiver's root CA certificate to the keystore as a trusted certificate";

/** The receiver's chain failed OpenSSL's verification against the keystore's trusted certificates. */
function untrustedChain(reason: ChainFailureReason, code: string, trustedCount: number): string {
  if (trustedCount === 0) return `${UNTRUSTED}: the keystore holds no trusted certificates (${code}); ${ADD_ROOT}`;
  switch (reason) {
    case 'chain_incomplete':
      return `${UNTRUSTED}: no trusted certificate in the keystore issued it, or the receiver does not send its intermediate CA certificates (${code}); ${ADD_ROOT}`;
    case 'untrusted_root':
      return `${UNTRUSTED}: it ends in a root CA that is not a trusted certificate in the keystore (${code}); ${ADD_ROOT}`;
    case 'self_signed_leaf':
      return `${UNTRUSTED}: the receiver's certificate is self-signed and not a trusted certificate in the keystore (${code})`;
    case 'expired':
      return `the receiver's certificate chain has expired: a certificate in it is past its notAfter date (${code})`;
    case 'not_yet_valid':
      return `the receiver's certificate chain is not valid yet: a certificate in it has a notBefore date in the future (${code})`;
    case 'wrong_eku':
      return `the receiver's certificate is not allowed for TLS servers: its extended key usage lacks serverAuth (${code})`;
    case 'bad_signature':
      return `${UNTRUSTED}: a certificate signature in it does not verify (${code})`;
    case 'not_a_ca':
      return `${UNTRUSTED}: a certificate that issued another one in it is not a CA certificate (${code})`;
    case 'path_too_long':
      return `${UNTRUSTED}: it has more intermediate CAs than a path length constraint allows (${code})`;
    case 'wrong_key_usage':
      return `${UNTRUSTED}: a key usage in it does not allow this use (${code})`;
    default:
      return `${UNTRUSTED}: ${code}`;
  }
}

/**
 * One sentence for a failed https call to the receiver: which check failed, in the
 * words an operator needs to fix it, with OpenSSL's or the socket's code in brackets.
 */
export function describeCallError(err: unknown, target: CallTarget, stage: CallStage, trustedCount: number): string {
  if (err instanceof ReceiverFailure) return err.message;
  const e = err as NodeJS.ErrnoException & { reason?: string };
  const code = typeof e?.code === 'string' ? e.code : '';
  const where = `${target.host}:${target.port}`;

  // In TLS 1.3 a refusal of the client certificate arrives after the handshake, at the first read.
  // Read from a copy: an error of Node's core may come from another realm (Jest's VM), where `instanceof Error` fails.
  const alert = tlsAlertFromError(Object.assign(new Error(String(e?.message ?? '')), { code }));
  if (alert) {
    if (isClientCertificateAlert(alert.code) && !target.alias) {
      return `the receiver requires a client certificate, but the flow's receiver authentication is 'none' (TLS alert: ${alert.name})`;
    }
    if (isClientCertificateAlert(alert.code)) return `the receiver refused the client certificate of key pair '${target.alias}' (TLS alert: ${alert.name})`;
    return `the TLS handshake with the receiver at ${where} failed (TLS alert: ${alert.name})`;
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    // Node's checkServerIdentity error carries the peer certificate: name what it is for.
    const san = (err as { cert?: { subjectaltname?: string } }).cert?.subjectaltname;
    const why = (e.reason ?? e.message).replace(/[:\s]+$/, '');
    return `the receiver's certificate does not match host '${target.host}': ${why}${san ? ` (the certificate is for ${san})` : ''}`;
  }
  const reason = reasonFromTlsError(code);
  if (code && reason !== 'unknown' && reason !== 'no_certificate') return untrustedChain(reason, code, trustedCount);
  if (/^(?:UNABLE_TO_|CERT_|DEPTH_ZERO|SELF_SIGNED|INVALID_|PATH_LENGTH|KEYUSAGE)/.test(code)) return untrustedChain('unknown', code, trustedCount);

  switch (code) {
    case 'ECONNREFUSED':
      return `the receiver at ${where} refused the connection: nothing listens there (${code})`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the receiver's host '${target.host}' could not be resolved (${code})`;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `the receiver at ${where} cannot be reached (${code})`;
  }
  if (code === 'ECONNRESET' || code === 'EPIPE') {
    // A Node receiver with `requestCert` destroys the connection after the TLS 1.3
    // handshake when it rejects the client certificate, without sending an alert.
    if (stage.secured && !stage.reused && !stage.answered && target.alias) {
      return `the receiver refused the client certificate of key pair '${target.alias}': it closed the connection right after the TLS handshake without answering (${code})`;
    }
    if (!stage.answered) return `the receiver at ${where} closed the connection without answering (${code})`;
    return `the receiver at ${where} closed the connection in the middle of its answer (${code})`;
  }
  if (code.startsWith('HPE_')) return `the receiver's answer is not valid HTTP/1.1 (${code})`;
  if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) return `the TLS connection to the receiver at ${where} failed (${code})`;
  return `the call to the receiver at ${where} failed${code ? ` (${code})` : ''}`;
}

/**
 * Why the keystore did not hand out a key pair. Its own refusals (no such alias, the
 * client CA) already say it; a keystore that does not answer is named as such.
 */
export function describeKeyMaterialError(err: unknown, alias: string): string {
  if (err instanceof ReceiverFailure) return err.message;
  if (err instanceof CertgateError) {
    if (err.code === ErrorCode.timeout) return `the keystore did not answer in time when asked for key pair '${alias}'`;
    if (err.code === ErrorCode.serviceUnavailable) return `the keystore did not answer when asked for key pair '${alias}': ${err.message}`;
    if (err.code === ErrorCode.keyAliasUnknown || err.code === ErrorCode.clientCaProtected) return err.message;
    return `the keystore could not hand out key pair '${alias}': ${err.message}`;
  }
  return `the key material of '${alias}' could not be used`;
}
