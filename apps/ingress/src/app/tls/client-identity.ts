import type { TLSSocket } from 'node:tls';
import { describeReason, readTlsPeerCertificate, reasonFromTlsError, type ChainFailureReason, type TlsPeerCertificate } from '@certgate/x509';

/**
 * The outcome of the client-certificate check of one TLS connection. OpenSSL already
 * verified the chain against the trusted roots during the handshake; this only
 * records its verdict, once per connection, so requests never re-parse anything.
 */
export type ClientIdentity =
  | { kind: 'none' }
  | { kind: 'verified'; certificate: TlsPeerCertificate }
  | { kind: 'rejected'; reason: ChainFailureReason; message: string; tlsError: string; certificate: TlsPeerCertificate };

const IDENTITY = Symbol('certgate.clientIdentity');
type SocketWithIdentity = TLSSocket & { [IDENTITY]?: ClientIdentity };

export function clientIdentityOf(socket: TLSSocket): ClientIdentity {
  const s = socket as SocketWithIdentity;
  return (s[IDENTITY] ??= readClientIdentity(socket));
}

function readClientIdentity(socket: TLSSocket): ClientIdentity {
  const peer = socket.getPeerX509Certificate();
  if (!peer) return { kind: 'none' };
  const certificate = readTlsPeerCertificate(peer);
  if (socket.authorized) return { kind: 'verified', certificate };
  const tlsError = String(socket.authorizationError ?? 'UNKNOWN');
  const reason = reasonFromTlsError(tlsError);
  return { kind: 'rejected', reason, message: `${describeReason(reason)} (${tlsError})`, tlsError, certificate };
}

/** The verdict as a sender may see it about its own certificate. */
export function describeIdentity(identity: ClientIdentity): Record<string, string> {
  switch (identity.kind) {
    case 'none':
      return { status: 'none' };
    case 'verified':
      return { status: 'verified', subjectDN: identity.certificate.subjectDN, issuerDN: identity.certificate.issuerDN };
    case 'rejected':
      return { status: 'rejected', reason: identity.reason, message: identity.message, subjectDN: identity.certificate.subjectDN };
  }
}
