import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SERVICE_ENV } from '@certgate/platform';
import { toPemBundle, type Certificate } from '@certgate/x509';
import type { IngressEnv } from '../ingress-env';
import { clientIdentityOf, describeIdentity } from '../tls/client-identity';
import { loadClientRoots } from '../tls/client-roots';
import type { ServerCredentials } from '../tls/dev-pki';
import { loadServerCredentials } from '../tls/server-credentials';

/**
 * The TLS "load balancer": terminates HTTPS, requests a client certificate and lets
 * OpenSSL verify it against the trusted client roots during the handshake. A plain
 * Node https server (no web framework) because this is the hot path.
 */
@Injectable()
export class IngressServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ingress');
  private server?: Server;
  private credentials?: ServerCredentials;
  private roots: Certificate[] = [];

  constructor(@Inject(SERVICE_ENV) private readonly env: IngressEnv) {}

  async onApplicationBootstrap(): Promise<void> {
    const credentials = await loadServerCredentials(this.env);
    this.credentials = credentials;
    this.roots = await loadClientRoots(this.env.INGRESS_CLIENT_ROOTS);
    const server = createServer(
      {
        key: credentials.keyPem,
        passphrase: credentials.passphrase,
        cert: toPemBundle(credentials.chain),
        // An explicit (possibly empty) list: without `ca`, Node would trust every public CA.
        ca: this.roots.map((r) => r.pem),
        requestCert: true,
        rejectUnauthorized: this.env.INGRESS_CLIENT_CERT === 'required',
        minVersion: 'TLSv1.2',
      },
      (req, res) => this.handle(req, res),
    );
    this.server = server;
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(this.env.INGRESS_PORT, this.env.INGRESS_HOST, resolve));
    this.logger.log({
      msg: 'ingress listening',
      url: `https://${this.env.INGRESS_HOST}:${this.port}`,
      clientRoots: this.roots.map((r) => r.subjectDN),
      clientCert: this.env.INGRESS_CLIENT_CERT,
      devRootCa: credentials.devRootPath ?? null,
    });
  }

  get port(): number {
    return (this.server?.address() as AddressInfo | null)?.port ?? this.env.INGRESS_PORT;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/health') {
      // Tells a sender how its own certificate fared, which is what one debugging a setup needs.
      const clientCertificate = describeIdentity(clientIdentityOf(req.socket as TLSSocket));
      return send(res, 200, 'application/json', JSON.stringify({ status: 'up', service: 'ingress', nodeId: this.env.CERTGATE_NODE_ID, clientCertificate }));
    }
    if (req.method === 'GET' && path === '/ingress/server-chain' && this.credentials) {
      return send(res, 200, 'application/x-pem-file', toPemBundle(this.credentials.chain));
    }
    send(res, 404, 'application/json', JSON.stringify({ error: 'not_found', error_description: `no route ${req.method} ${path}` }));
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
  }
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
