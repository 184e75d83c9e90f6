// The yardstick: a bare Node https server on the same PKI, static 200, client
// certificate read once per connection (as style.md measured). Not part of certgate.
import { serveYardstick } from './yardstick-server';

const server = serveYardstick((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain', 'content-length': 2 });
  res.end('ok');
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
