import type { TLSSocket } from 'node:tls';
import type { TlsClient } from '@certgate/contracts';
import type { ChainReview } from './chain-review.service';
import type { ClientIdentity } from './client-identity';

/** What the request path needs to know about one TLS connection, derived once. */
export interface ConnectionFacts {
  identity: ClientIdentity;
  /** The verdict as the envelope carries it to the runtime. */
  tls: TlsClient;
  /** Client address, an IPv4-mapped IPv6 address written as plain IPv4. */
  ip: string;
}

const FACTS = Symbol('certgate.connectionFacts');
const PENDING = Symbol('certgate.connectionFactsPending');
type SocketWithFacts = TLSSocket & { [FACTS]?: ConnectionFacts; [PENDING]?: Promise<ConnectionFacts> };

/**
 * Cached on the socket: the first request of a connection waits for the chain review,
 * every later request of a keep-alive connection reuses its outcome synchronously. A
 * connection keeps its verdict for its whole life, also when the trusted roots change
 * meanwhile (new connections get the new ones).
 */
export function connectionOf(socket: TLSSocket, review: ChainReview): ConnectionFacts | Promise<ConnectionFacts> {
  const s = socket as SocketWithFacts;
  if (s[FACTS]) return s[FACTS];
  return (s[PENDING] ??= review.identityOf(socket).then((identity) => {
    const facts: ConnectionFacts = { identity, tls: tlsClientOf(identity), ip: peerIp(socket) };
    s[FACTS] = facts;
    return facts;
  }));
}

export function tlsClientOf(identity: ClientIdentity): TlsClient {
  switch (identity.kind) {
    case 'none':
      return { status: 'none' };
    case 'verified': {
      const c = identity.certificate;
      return {
        status: 'verified',
        fingerprint: c.fingerprint,
        subjectDN: c.subjectDN,
        issuerDN: c.issuerDN,
        ...(c.subjectCN !== undefined ? { subjectCN: c.subjectCN } : {}),
        ...(c.issuerCN !== undefined ? { issuerCN: c.issuerCN } : {}),
      };
    }
    case 'rejected': {
      const c = identity.certificate;
      return {
        status: 'rejected',
        reason: identity.reason,
        message: identity.message,
        fingerprint: c.fingerprint,
        subjectDN: c.subjectDN,
        issuerDN: c.issuerDN,
      };
    }
  }
}

/** The client's address, an IPv4-mapped IPv6 address written as plain IPv4. */
export function peerIp(socket: { remoteAddress?: string }): string {
  const address = socket.remoteAddress;
  if (!address) return '-';
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}
