// What the bench's yardstick servers share: an https server on the bench PKI (BARE_KEY,
// BARE_CERT, BARE_CA) that asks for the client certificate and reads it once per
// connection (as style.md measured), listening on BARE_PORT and saying `ready`.
// Not part of certgate.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';

export function env(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
}

export function serveYardstick(handle: (req: IncomingMessage, res: ServerResponse) => void): Server {
  const seen = new WeakSet<TLSSocket>();
  const server = createServer(
    {
      key: readFileSync(env('BARE_KEY')),
      cert: readFileSync(env('BARE_CERT')),
      ca: readFileSync(env('BARE_CA')),
      requestCert: true,
      rejectUnauthorized: false,
    },
    (req, res) => {
      const socket = req.socket as TLSSocket;
      if (!seen.has(socket)) {
        socket.getPeerX509Certificate();
        seen.add(socket);
      }
      handle(req, res);
    },
  );
  server.keepAliveTimeout = 60_000;
  server.listen(Number(env('BARE_PORT')), '127.0.0.1', () => process.stdout.write('ready\n'));
  return server;
}
