import type { IncomingHttpHeaders } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { readTlsPeerCertificate } from '@certgate/x509';

/** One request as the receiver got it. */
export interface SeenRequest {
  /** RFC 4514 subject of the client certificate, '' without one. */
  clientSubjectDN: string;
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface TestReceiver {
  port: number;
  url(path?: string): string;
  seen: SeenRequest[];
  /** Swaps the CAs it accepts client certificates from, without a restart. */
  trust(ca: string[]): void;
  close(): Promise<void>;
}

export interface TestReceiverOptions {
  name: string;
  keyPem: string;
  /** Server certificate first, then its intermediates. */
  chainPem: string;
  /** CAs whose client certificates it accepts; it refuses every other (and a missing) one. */
  clientCas: string[];
}

/**
 * A receiver as an integration partner runs one: a Node https server that requests a
 * client certificate and refuses the handshake's outcome unless it chains to `clientCas`.
 * Paths: `/big` answers 4 KiB (`/big-chunked` without a length), `/hang` never answers, `/status/<n>` answers n; anything
 * else 201 with the request it saw as JSON.
 */
export async function startTestReceiver(opts: TestReceiverOptions): Promise<TestReceiver> {
  const seen: SeenRequest[] = [];
  const server: Server = createServer(
    { key: opts.keyPem, cert: opts.chainPem, ca: opts.clientCas, requestCert: true, rejectUnauthorized: true },
    (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const peer = (req.socket as TLSSocket).getPeerX509Certificate();
        const request: SeenRequest = {
          clientSubjectDN: peer ? readTlsPeerCertificate(peer).subjectDN : '',
          method: req.method ?? '',
          path: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        seen.push(request);
        const path = request.path;
        if (path === '/hang') return;
        if (path === '/big') return void res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': 4096 }).end(Buffer.alloc(4096, 7));
        if (path === '/big-chunked') {
          res.writeHead(200, { 'content-type': 'application/octet-stream' });
          for (let i = 0; i < 4; i++) res.write(Buffer.alloc(1024, 7));
          return void res.end();
        }
        const status = /^\/status\/(\d{3})$/.exec(path);
        if (status) return void res.writeHead(Number(status[1]), { 'content-type': 'text/plain' }).end(`${opts.name} says ${status[1]}`);
        res.writeHead(201, { 'content-type': 'application/json', 'x-receiver': opts.name, 'keep-alive': 'timeout=5' }).end(JSON.stringify(request));
      });
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: (path = '/in') => `https://127.0.0.1:${port}${path}`,
    seen,
    trust: (ca) => server.setSecureContext({ key: opts.keyPem, cert: opts.chainPem, ca }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
