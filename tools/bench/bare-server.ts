// The yardstick: a bare Node https server on the same PKI, static 200, client
// certificate read once per connection (as style.md measured). Not part of certgate.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { TLSSocket } from 'node:tls';

const env = (name: string) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};

const seen = new WeakSet<TLSSocket>();
const server = createServer(
  { key: readFileSync(env('BARE_KEY')), cert: readFileSync(env('BARE_CERT')), ca: readFileSync(env('BARE_CA')), requestCert: true, rejectUnauthorized: false },
  (req, res) => {
    const socket = req.socket as TLSSocket;
    if (!seen.has(socket)) {
      socket.getPeerX509Certificate();
      seen.add(socket);
    }
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': 2 });
    res.end('ok');
  },
);
server.keepAliveTimeout = 60_000;
server.listen(Number(env('BARE_PORT')), '127.0.0.1', () => process.stdout.write('ready\n'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
