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
  /** The host name it reached (SNI) requires a verified client certificate: without one the connection is cut. */
  required: boolean;
}

const FACTS = Symbol('certgate.connectionFacts');
const PENDING = Symbol('certgate.connectionFactsPending');
interface Cached<T> {
  value: T;
  generation: number;
}
type SocketWithFacts = TLSSocket & { [FACTS]?: Cached<ConnectionFacts>; [PENDING]?: Cached<Promise<ConnectionFacts>> };

/**
 * Cached on the socket: the first request of a connection waits for the chain review,
 * every later request of a keep-alive connection reuses its outcome synchronously, until
 * the trusted roots, a root's policy or a CRL change (`review.generation`): the next
 * request is judged again, so a revoked certificate is refused on connections opened
 * before the revocation too.
 */
export function connectionOf(socket: TLSSocket, review: ChainReview): ConnectionFacts | Promise<ConnectionFacts> {
  const s = socket as SocketWithFacts;
  const generation = review.generation;
  if (s[FACTS]?.generation === generation) return s[FACTS].value;
  const pending = s[PENDING];
  if (pending?.generation === generation) return pending.value;
  const value = review.identityOf(socket).then((identity) => {
    const facts: ConnectionFacts = { identity, tls: tlsClientOf(identity), ip: peerIp(socket), required: review.requiredFor(socket) };
    s[FACTS] = { value: facts, generation };
    return facts;
  });
  s[PENDING] = { value, generation };
  return value;
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
