// The third yardstick's application: what one would build by hand instead of certgate.
// nginx terminates mTLS (ssl_verify_client on, against the bench PKI's root) and passes
// each request over a keep-alive HTTP/1.1 upstream connection to this small Node http
// server, with the verified client certificate's identity in headers nginx sets
// (`x-client-verify: $ssl_client_verify`, `x-client-fingerprint: $ssl_client_fingerprint`).
// The app looks the certificate up in an in-memory Map (certificate → service instance
// and its roles) and checks the role the flow asks for: 200 or 403. Not part of certgate.
//
//   APP_PORT        where it listens (127.0.0.1, plain HTTP: only nginx talks to it)
//   APP_IDENTITIES  a JSON file: [{ "certificate": PEM, "instance": name, "roles": [role, ...] }]
//   APP_FLOWS       JSON: { "<path>": "<role the flow asks for>" }
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { env } from './yardstick-server';

interface Registered {
  certificate: string;
  instance: string;
  roles: string[];
}

// nginx's $ssl_client_fingerprint: the SHA-1 of the DER certificate, lower-case hex, no colons.
const fingerprintOf = (pem: string) => new X509Certificate(pem).fingerprint.replace(/:/g, '').toLowerCase();

const instances = new Map<string, { instance: string; roles: Set<string> }>();
for (const r of JSON.parse(readFileSync(env('APP_IDENTITIES'), 'utf8')) as Registered[]) {
  instances.set(fingerprintOf(r.certificate), { instance: r.instance, roles: new Set(r.roles) });
}
const flows = new Map(Object.entries(JSON.parse(env('APP_FLOWS')) as Record<string, string>));

// An app hands the body on, so it reads it whole before it answers (as the flow runtime gets it).
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => answer(req, res, Buffer.concat(chunks)));
});

function answer(req: IncomingMessage, res: ServerResponse, _body: Buffer): void {
  const role = flows.get(req.url ?? '');
  if (role === undefined) {
    res.writeHead(404, { 'content-length': 0 });
    res.end();
    return;
  }
  // nginx has already refused a certificate that does not chain to the root; the header says so again.
  const fingerprint = req.headers['x-client-verify'] === 'SUCCESS' ? req.headers['x-client-fingerprint'] : undefined;
  const allowed = typeof fingerprint === 'string' && (instances.get(fingerprint)?.roles.has(role) ?? false);
  const body = allowed ? 'ok' : 'forbidden';
  res.writeHead(allowed ? 200 : 403, { 'content-type': 'text/plain', 'content-length': body.length });
  res.end(body);
}
// Longer than nginx's upstream keepalive_timeout (60 s), so nginx, not the app, closes idle connections.
server.keepAliveTimeout = 120_000;
server.listen(Number(env('APP_PORT')), '127.0.0.1', () => process.stdout.write('ready\n'));
process.on('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
