import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { constants } from 'node:crypto';
import { createSecureContext, DEFAULT_CIPHERS, type SecureContext, type SecureContextOptions, type TLSSocket } from 'node:tls';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { errorMessage } from '@certgate/contracts';
import { SERVICE_ENV } from '@certgate/platform';
import { HostSettingsService } from '../hosts/host-settings.service';
import type { IngressEnv } from '../ingress-env';
import { tlsSecurityLevel } from '../tls/key-policy';
import { IngressMetrics } from '../metrics/ingress-metrics';
import { OcspStapling } from '../tls/ocsp-stapling.service';
import { ServerIdentity } from '../tls/server-identity.service';
import { SessionTicketKeys } from '../tls/session-ticket-keys.service';
import type { EffectiveRoots } from '../trusted-roots/effective-roots';
import { TrustedRootsService } from '../trusted-roots/trusted-roots.service';
import { RequestRouter } from './request-router';

/** The start-up line's words for SessionTicketKeys' mode. */
const SESSION_TICKETS = { off: 'off', shared: 'shared by every replica (CERTGATE_MASTER_KEY)', replica: 'this replica only (no CERTGATE_MASTER_KEY)' } as const;

/** Connections still busy this long after shutdown began are cut. */
const SHUTDOWN_GRACE_MS = 5_000;

/**
 * The TLS "load balancer": terminates HTTPS, requests a client certificate and lets
 * OpenSSL verify it against the trusted client roots during the handshake. A plain
 * Node https server (no web framework) because this is the hot path.
 *
 * When the trusted roots or the server's own key and chain change, the TLS context is
 * swapped in place (`setSecureContext`): new handshakes use them at once, with no restart.
 * Established connections are left alone and keep the verdict of their own handshake
 * until they close. The session ticket key (SessionTicketKeys) changes with the trusted
 * roots, so a client cannot resume a session verified under the old roots on a new
 * connection, and every INGRESS_TLS_TICKET_KEY_ROTATION_SECONDS, so a stolen key opens
 * little. A resumed session is judged again by ChainReview as its full handshake was.
 *
 * A host name with roots of its own (custom domains) gets a TLS context of its own,
 * chosen by SNI, whose CA list holds only those roots.
 */
@Injectable()
export class IngressServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ingress');
  private server?: Server;
  /** By host name (or `*.parent`): the contexts of host names with roots of their own. */
  private hostContexts = new Map<string, SecureContext>();

  constructor(
    @Inject(SERVICE_ENV) private readonly env: IngressEnv,
    private readonly identity: ServerIdentity,
    private readonly roots: TrustedRootsService,
    private readonly router: RequestRouter,
    private readonly metrics: IngressMetrics,
    private readonly hosts: HostSettingsService,
    private readonly stapling: OcspStapling,
    private readonly tickets: SessionTicketKeys,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const credentials = this.identity.credentials;
    const server = createServer(
      {
        ...this.contextOptions(this.roots.current),
        requestCert: true,
        rejectUnauthorized: this.env.INGRESS_CLIENT_CERT === 'required',
        maxHeaderSize: this.env.INGRESS_MAX_HEADER_BYTES,
        // No context of its own (no SNI, a host name without roots of its own): the server's.
        SNICallback: (servername, done) => done(null, this.contextFor(servername)),
      },
      (req, res) => this.router.handle(req, res),
    );
    // Answered by the router, which sends `100 Continue` only for a body it will read.
    server.on('checkContinue', (req, res) => this.router.handle(req, res, true));
    // What Node would otherwise refuse with an empty body (or, for CONNECT, no answer at all).
    server.on('checkExpectation', (req, res) => this.router.expectationFailed(req, res));
    server.on('clientError', (err: Error, socket) => this.router.clientError(err, socket));
    server.on('connect', (req, socket) => this.router.connectRefused(req, socket));
    server.on('secureConnection', (socket: TLSSocket) => this.metrics.tlsHandshake(socket.isSessionReused()));
    // Only for clients that ask (status_request); no staple held means none sent.
    server.on('OCSPRequest', (certificate: Buffer, _issuer: Buffer, done: (err: Error | null, response: Buffer | null) => void) =>
      done(null, this.stapling.responseFor(certificate)),
    );
    server.keepAliveTimeout = this.env.INGRESS_KEEP_ALIVE_TIMEOUT_MS;
    server.headersTimeout = this.env.INGRESS_KEEP_ALIVE_TIMEOUT_MS + 1_000;
    this.router.parserLimits = {
      maxHeaderBytes: this.env.INGRESS_MAX_HEADER_BYTES,
      headersTimeoutMs: server.headersTimeout,
      requestTimeoutMs: server.requestTimeout,
    };
    this.server = server;
    this.buildHostContexts(this.roots.current);
    this.roots.onChange((next) => this.swapContext(next, 'trusted client roots swapped live'));
    this.identity.onChange(() => this.swapContext(this.roots.current, 'server certificate swapped live'));
    this.hosts.onChange(() => this.swapContext(this.roots.current, 'host name settings swapped live'));
    this.tickets.onChange(() => this.swapContext(this.roots.current, 'session ticket key rotated'));
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(this.env.INGRESS_PORT, this.env.INGRESS_HOST, resolve));
    this.logger.log({
      msg: 'ingress listening',
      url: `https://${this.env.INGRESS_HOST}:${this.port}`,
      clientRoots: this.roots.current.roots.map((r) => ({ source: r.source, subjectDN: r.certificate.subjectDN })),
      clientCert: this.env.INGRESS_CLIENT_CERT,
      devRootCa: credentials.devRootPath ?? null,
      sessionTickets: SESSION_TICKETS[this.tickets.mode],
    });
  }

  get port(): number {
    return (this.server?.address() as AddressInfo | null)?.port ?? this.env.INGRESS_PORT;
  }

  private contextOptions(roots: EffectiveRoots): SecureContextOptions {
    const credentials = this.identity.credentials;
    return {
      key: credentials.keyPem,
      passphrase: credentials.passphrase,
      cert: this.identity.chainPem,
      // An explicit (possibly empty) list: without `ca`, Node would trust every public CA.
      ca: [...roots.caPems],
      minVersion: 'TLSv1.2',
      // Node's default suites at the level that matches the key policy: weak keys fail in the handshake.
      ciphers: `${DEFAULT_CIPHERS}:@SECLEVEL=${tlsSecurityLevel(this.env)}`,
      ticketKeys: this.tickets.keyFor(roots),
      ...(this.env.INGRESS_TLS_SESSION_TIMEOUT_SECONDS > 0
        ? { sessionTimeout: this.env.INGRESS_TLS_SESSION_TIMEOUT_SECONDS }
        : { secureOptions: constants.SSL_OP_NO_TICKET }),
    };
  }

  private contextFor(servername: string): SecureContext | undefined {
    const match = this.hosts.settingsFor(servername);
    return match && this.hostContexts.get(match.hostName);
  }

  /** One context per host name that names roots of its own; the others share the server's. */
  private buildHostContexts(roots: EffectiveRoots): void {
    const next = new Map<string, SecureContext>();
    for (const host of this.hosts.all(roots)) {
      if (host.anchors === roots.anchors) continue;
      next.set(host.hostName, createSecureContext({ ...this.contextOptions(roots), ca: host.anchors.map((c) => c.pem) }));
    }
    this.hostContexts = next;
  }

  /** New handshakes use the new context at once; established connections keep theirs. */
  private swapContext(roots: EffectiveRoots, what: string): void {
    const server = this.server;
    if (!server) return;
    try {
      this.buildHostContexts(roots);
      server.setSecureContext(this.contextOptions(roots));
      this.metrics.secureContextSwapped();
      this.logger.log({
        msg: what,
        serverCertificate: this.identity.credentials.chain[0]?.fingerprint,
        roots: roots.roots.map((r) => ({ source: r.source, subjectDN: r.certificate.subjectDN })),
      });
    } catch (err) {
      this.logger.error({ msg: 'the TLS context could not be swapped; the previous one stays in force', error: errorMessage(err) });
    }
  }

  /**
   * Before any shutdown hook: the requests still in flight need the NATS connection
   * (their runtime replies, their log records) and the log files, which the
   * `onApplicationShutdown` hooks close (global modules such as messaging first).
   */
  async beforeApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    const cut = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    clearTimeout(cut);
  }
}
