import { X509Certificate } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';

/** What a receiver saw of one request that passed its TLS handshake. */
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The client certificate the caller presented (undefined when none). */
  client?: { subject: string; subjectCN?: string; fingerprint: string };
}

export interface Receiver {
  port: number;
  /** `https://<host>:<port><path>` on the address it listens on. */
  url(path: string, host?: string): string;
  requests: ReceivedRequest[];
  /** Handshakes it refused or that failed, e.g. a client without an acceptable certificate. */
  tlsErrors: string[];
  close(): Promise<void>;
}

export interface ReceiverOptions {
  /** Server certificate chain, leaf first. */
  chainPem: string;
  keyPem: string;
  /**
   * CAs whose client certificates it accepts. Set: it asks for a client certificate and
   * refuses the handshake without an acceptable one. Unset: it asks for none.
   */
  trustedClientCas?: string[];
  /** What it answers; default 201, `x-receiver: <name>` and a JSON body naming the client. */
  name: string;
}

const hex = (colonHex: string) => colonHex.replace(/:/g, '').toLowerCase();

/**
 * A partner's HTTPS endpoint, as a real receiver would run it: Node's https server with
 * `requestCert` + `rejectUnauthorized`, so a client certificate not issued by one of its
 * trusted CAs is refused during the handshake.
 */
export async function startReceiver(opts: ReceiverOptions): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const tlsErrors: string[] = [];
  const mutual = opts.trustedClientCas !== undefined;
  const server: Server = createServer(
    {
      cert: opts.chainPem,
      key: opts.keyPem,
      ...(mutual ? { ca: opts.trustedClientCas, requestCert: true, rejectUnauthorized: true } : {}),
    },
    (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = (req.socket as TLSSocket).getPeerCertificate?.()?.raw;
        const cert = raw?.length ? new X509Certificate(raw) : undefined;
        const client = cert ? { subject: cert.subject, subjectCN: /^CN=(.*)$/m.exec(cert.subject)?.[1], fingerprint: hex(cert.fingerprint256) } : undefined;
        const seen: ReceivedRequest = {
          method: req.method ?? '',
          path: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          client,
        };
        requests.push(seen);
        const body = JSON.stringify({ receiver: opts.name, clientCN: client?.subjectCN ?? null, received: seen.body });
        res.writeHead(201, { 'content-type': 'application/json', 'x-receiver': opts.name });
        res.end(body);
      });
    },
  );
  server.on('tlsClientError', (err: Error & { code?: string }) => tlsErrors.push(err.code ?? err.message));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (path, host = '127.0.0.1') => `https://${host}:${port}${path}`,
    requests,
    tlsErrors,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
