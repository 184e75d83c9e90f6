import { Agent, type AgentOptions } from 'node:https';
import type { Duplex } from 'node:stream';
import type { RequestOptions } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { parseCertificate, peerChain, reviewHandshakeChain, trustStoreAnchors, type Certificate } from '@certgate/x509';
import { ReceiverFailure } from './receiver-failure';

/**
 * The second engine for receiver calls (docs/certificate-policy.md, "Two engines"): a
 * keep-alive agent whose new connections are handed to a request only after OpenSSL
 * accepted the receiver's chain in the handshake *and* certgate's certificate policy
 * accepted the same chain (reviewHandshakeChain, serverAuth), so a receiver with a CA
 * certificate as its leaf, a key below the policy or a chain breaking the profile is
 * refused before any byte of the message leaves. Reused connections were reviewed when
 * they were made. Anchors: the self-signed certificates of the keystore's trust store.
 */
export class ReviewedAgent extends Agent {
  private readonly anchors: Certificate[];

  constructor(options: AgentOptions, trustedPems: readonly string[]) {
    // No TLS session resumption: a resumed handshake carries no chain to review, and a session of a refused
    // handshake must never be resumed past the review. Kept-alive connections still save the handshakes.
    super({ ...options, maxCachedSessions: 0 });
    this.anchors = trustStoreAnchors(trustedPems);
  }

  // Node's agent waits for the callback when createConnection returns nothing.
  override createConnection(options: RequestOptions, created?: (err: Error | null, stream: Duplex) => void): undefined {
    // Node's agent always passes it; without one the review could not come first, and nothing fails open.
    if (!created) throw new Error('ReviewedAgent.createConnection needs the callback of the agent');
    const socket = (Agent.prototype as unknown as { createConnection(o: RequestOptions): TLSSocket }).createConnection.call(this, options);
    let settled = false;
    const settle = (err: Error | null) => {
      if (settled) return;
      settled = true;
      socket.off('error', onError);
      socket.off('close', onClose);
      created(err, socket);
    };
    const onError = (err: Error) => settle(socket.authorized ? Object.assign(err, { afterHandshake: true }) : err);
    // A receiver that refuses the client certificate closes right after the handshake, possibly while the review runs.
    const onClose = () => settle(Object.assign(new Error('the connection closed right after the TLS handshake'), { code: 'ECONNRESET', afterHandshake: true }));
    socket.once('error', onError);
    socket.once('secureConnect', () => {
      socket.once('close', onClose);
      this.review(socket).then(
        (refusal) => {
          if (!refusal)
            return settle(
              socket.destroyed
                ? Object.assign(new Error('the connection closed right after the TLS handshake'), { code: 'ECONNRESET', afterHandshake: true })
                : null,
            );
          socket.on('error', () => undefined).destroy();
          settle(refusal);
        },
        (err: unknown) => {
          socket.on('error', () => undefined).destroy();
          settle(err instanceof Error ? err : new Error(String(err)));
        },
      );
    });
    return undefined;
  }

  private async review(socket: TLSSocket): Promise<ReceiverFailure | undefined> {
    // OpenSSL accepted the chain (rejectUnauthorized); the policy judges the chain it linked.
    const chain = peerChain(socket.getPeerCertificate(true)).map((c) => parseCertificate(c.raw));
    if (chain.length === 0) return new ReceiverFailure('the receiver sent no certificate');
    const verdict = await reviewHandshakeChain({ tlsError: '', chain, anchors: this.anchors, purpose: 'serverAuth' });
    if (verdict.ok) return undefined;
    return new ReceiverFailure(`the receiver's certificate chain is refused by certgate's certificate policy (${verdict.reason}): ${verdict.message}`);
  }
}
