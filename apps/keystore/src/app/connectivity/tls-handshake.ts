import { isIP } from 'node:net';
import * as tls from 'node:tls';
import { tlsAlertFromError } from '@certgate/x509';

export interface HandshakeOptions {
  host: string;
  port: number;
  /** SNI; omitted for IP addresses unless the caller names a server. */
  servername?: string;
  /** Trusted certificates (PEM) OpenSSL verifies the server's chain against; none trusts nothing. */
  ca: string[];
  /** The key pair to present; the key lives only in this object and the TLS context. */
  client?: { keyPem: string; chainPem: string };
  timeoutMs: number;
}

/** What the server did once the handshake was complete (TLS 1.3 sends its verdict on the client certificate only then). */
export type Afterwards =
  { kind: 'confirmed' } | { kind: 'alert'; alert: { code: number; name: string }; error: Error } | { kind: 'closed' } | { kind: 'quiet' };

export interface TlsFacts {
  protocol: string | null;
  cipher?: tls.CipherNameAndProtocol;
  /** Leaf first, with issuer links as OpenSSL built them; undefined when the server sent none we can read. */
  peer?: tls.DetailedPeerCertificate;
  authorized: boolean;
  authorizationError?: string;
}

export type HandshakeOutcome =
  | { completed: true; facts: TlsFacts; afterwards: Afterwards; durationMs: number }
  | {
      completed: false;
      error: Error;
      /** TCP was connected when it failed: a TLS problem rather than a network one. */
      connected: boolean;
      timedOut: boolean;
      alert?: { code: number; name: string };
      /** What could still be read from the half-done handshake (TLS 1.2 servers send their chain before they decide). */
      facts?: TlsFacts;
      durationMs: number;
    };

/**
 * After a TLS 1.3 handshake a server confirms with session tickets or objects with an
 * alert (certificate_required, unknown_ca...). OpenSSL-based servers answer at once;
 * this bounds the wait for servers that send neither.
 */
const SETTLE_MS = 1_000;

/**
 * One handshake with the chain check left to the caller (rejectUnauthorized false, so
 * the chain comes back even when it is not trusted). Never sends application data.
 */
export function handshake(opts: HandshakeOptions): Promise<HandshakeOutcome> {
  const started = performance.now();
  const deadline = started + opts.timeoutMs;
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let connected = false;
    let secure = false;
    let settled = false;
    let confirmed = false;
    let durationMs = 0;
    let facts: TlsFacts | undefined;
    let timer: NodeJS.Timeout | undefined;

    const socket = tls.connect({
      host: opts.host,
      port: opts.port,
      ...(opts.servername ? { servername: opts.servername } : {}),
      ca: opts.ca,
      rejectUnauthorized: false,
      ...(opts.client ? { key: opts.client.keyPem, cert: opts.client.chainPem } : {}),
      // OpenSSL's own check of the name is done by the caller, with the name it chose.
      checkServerIdentity: () => undefined,
    });

    const finish = (outcome: HandshakeOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const afterwards = (a: Afterwards) => finish({ completed: true, facts: facts as TlsFacts, afterwards: a, durationMs });

    timer = setTimeout(() => {
      if (secure) return afterwards({ kind: 'quiet' });
      finish({
        completed: false,
        error: new Error(`timed out after ${opts.timeoutMs} ms`),
        connected,
        timedOut: true,
        facts: readFacts(socket),
        durationMs: elapsed(),
      });
    }, opts.timeoutMs);

    socket.once('connect', () => {
      connected = true;
    });
    socket.on('session', () => {
      confirmed = true;
      if (secure) afterwards({ kind: 'confirmed' });
    });
    socket.once('secureConnect', () => {
      secure = true;
      durationMs = elapsed();
      facts = readFacts(socket) ?? { protocol: socket.getProtocol(), authorized: false };
      // TLS 1.2 and earlier: the server's Finished is its acceptance of the client certificate.
      if (confirmed || socket.getProtocol() !== 'TLSv1.3') return afterwards({ kind: 'confirmed' });
      clearTimeout(timer);
      timer = setTimeout(() => afterwards({ kind: 'quiet' }), Math.max(0, Math.min(SETTLE_MS, deadline - performance.now())));
    });
    socket.on('error', (error: Error) => {
      if (secure) {
        const alert = tlsAlertFromError(error);
        return afterwards(alert ? { kind: 'alert', alert, error } : { kind: 'closed' });
      }
      finish({ completed: false, error, connected, timedOut: false, alert: tlsAlertFromError(error), facts: readFacts(socket), durationMs: elapsed() });
    });
    socket.once('close', () => {
      if (secure) return afterwards({ kind: 'closed' });
      finish({
        completed: false,
        error: new Error('the connection was closed during the TLS handshake'),
        connected,
        timedOut: false,
        facts: readFacts(socket),
        durationMs: elapsed(),
      });
    });
    // Reading keeps OpenSSL processing post-handshake records (tickets, alerts); the data itself is not used.
    socket.on('data', () => undefined);
  });
}

/** SNI for a target: the server name asked for, else the host unless it is an IP address (RFC 6066 §3 forbids those). */
export function sniFor(host: string, serverName?: string): string | undefined {
  if (serverName) return serverName;
  return isIP(host.replace(/^\[|\]$/g, '')) ? undefined : host;
}

function readFacts(socket: tls.TLSSocket): TlsFacts | undefined {
  try {
    // Only the detailed form: after getPeerX509Certificate() Node 20 returns {} here.
    const peer = socket.getPeerCertificate(true);
    if (!peer?.raw) return undefined;
    return {
      protocol: socket.getProtocol(),
      cipher: socket.getCipher() ?? undefined,
      peer,
      authorized: socket.authorized,
      ...(socket.authorizationError ? { authorizationError: String(socket.authorizationError) } : {}),
    };
  } catch {
    // The handshake was torn down before anything could be read.
    return undefined;
  }
}
