// The verdict on a TLS server as a client sees it: OpenSSL has already checked the
// chain during the handshake (`socket.authorized` / `authorizationError`, with `ca`
// set to the trusted certificates) and `tls.checkServerIdentity` the host name.
// This turns both into one reason code and a sentence an operator can act on.
import { describeReason, reasonFromTlsError, type ChainFailureReason } from './chain-reasons';

export const HOSTNAME_MISMATCH = 'hostname_mismatch';
export type TlsServerFailureReason = ChainFailureReason | typeof HOSTNAME_MISMATCH;

export interface TlsServerVerdictInput {
  /** `socket.authorized`. */
  authorized: boolean;
  /** `socket.authorizationError`: OpenSSL's X509_V_ERR_* name without the prefix. */
  authorizationError?: string | Error | null;
  /** What `tls.checkServerIdentity(serverName, peerCertificate)` returned. */
  identityError?: Error;
  serverName: string;
  /** Where the trusted certificates come from, for the message, e.g. `the keystore`. */
  trustStore: string;
  /** The issuer of the last certificate the server sent: names the CA that was not found. */
  topIssuerDN?: string;
}

export interface TlsServerVerdict {
  valid: boolean;
  chainTrusted: boolean;
  hostnameMatches: boolean;
  /** The chain's reason when the chain fails, else `hostname_mismatch`. */
  reason?: TlsServerFailureReason;
  /** Every problem found, chain first. */
  message?: string;
}

/** OpenSSL's own wording (X509_verify_cert_error_string) for the codes a server chain commonly fails with. */
const OPENSSL_TEXT: Record<string, string> = {
  UNABLE_TO_GET_ISSUER_CERT: 'unable to get issuer certificate',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'unable to get local issuer certificate',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'unable to verify the first certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed certificate in certificate chain',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
  CERT_UNTRUSTED: 'certificate not trusted',
  CERT_REJECTED: 'certificate rejected',
  CERT_HAS_EXPIRED: 'certificate has expired',
  CERT_NOT_YET_VALID: 'certificate is not yet valid',
  CERT_SIGNATURE_FAILURE: 'certificate signature failure',
  UNABLE_TO_DECRYPT_CERT_SIGNATURE: "unable to decrypt certificate's signature",
  INVALID_CA: 'invalid CA certificate',
  PATH_LENGTH_EXCEEDED: 'path length constraint exceeded',
  CERT_CHAIN_TOO_LONG: 'certificate chain too long',
  INVALID_PURPOSE: 'unsupported certificate purpose',
  KEYUSAGE_NO_CERTSIGN: 'key usage does not include certificate signing',
  UNSPECIFIED: 'unspecified certificate verification error',
};

/** Reasons that mean "no path to a trusted certificate", whatever OpenSSL's exact wording. */
const NOT_TRUSTED: ReadonlySet<ChainFailureReason> = new Set(['chain_incomplete', 'untrusted_root', 'self_signed_leaf']);

export function judgeTlsServer(input: TlsServerVerdictInput): TlsServerVerdict {
  const chain = input.authorized ? undefined : chainProblem(input);
  const hostnameMatches = input.identityError === undefined;
  const problems = [
    chain?.message,
    hostnameMatches ? undefined : `the server's certificate is not valid for the name '${input.serverName}' (${input.identityError?.message})`,
  ].filter((m): m is string => m !== undefined);
  const reason: TlsServerFailureReason | undefined = chain?.reason ?? (hostnameMatches ? undefined : HOSTNAME_MISMATCH);
  return {
    valid: !chain && hostnameMatches,
    chainTrusted: !chain,
    hostnameMatches,
    ...(reason ? { reason } : {}),
    ...(problems.length ? { message: problems.join('; ') } : {}),
  };
}

function chainProblem(input: TlsServerVerdictInput): { reason: ChainFailureReason; message: string } {
  const given = input.authorizationError;
  const raw = typeof given === 'object' && given !== null ? ((given as NodeJS.ErrnoException).code ?? given.message) : given;
  const code = (raw ?? '')
    .trim()
    .toUpperCase()
    .replace(/^X509_V_ERR_/, '');
  // A server always sends a certificate; an empty error then means OpenSSL said nothing specific.
  const reason = code ? reasonFromTlsError(code) : 'unknown';
  const detail = code ? (OPENSSL_TEXT[code] ?? code.toLowerCase().replace(/_/g, ' ')) : 'no reason given';
  if (NOT_TRUSTED.has(reason)) {
    const issuer = input.topIssuerDN ? `; the last certificate the server sent is issued by '${input.topIssuerDN}'` : '';
    return { reason, message: `the server's chain does not lead to a trusted certificate in ${input.trustStore} (${detail})${issuer}` };
  }
  return { reason, message: `the server's chain is not valid: ${describeReason(reason)} (${detail})` };
}
