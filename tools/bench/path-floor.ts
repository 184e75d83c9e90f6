// The second yardstick: the inbound path of the design with none of certgate in it. A
// bare Node https server (same PKI and flags as bare-server.ts) that sends every request
// as a NATS request to a bare responder in another process, which echoes it back:
// client → TLS → NATS → responder → NATS → TLS → client, the hops every request of
// certgate takes, written plainly with nats.js' own request(): what the hops alone cost
// on a machine. Not part of certgate.
//
//   path-floor.ts responder   (FLOOR_SUBJECT, NATS_URL)
//   path-floor.ts server      (FLOOR_SUBJECT, NATS_URL, BARE_PORT, BARE_KEY, BARE_CERT, BARE_CA)
import { connect } from 'nats';
import { env, serveYardstick } from './yardstick-server';
import { errorMessage } from '@certgate/contracts';

async function main(role: string | undefined): Promise<void> {
  const subject = env('FLOOR_SUBJECT');
  // As certgate's own connections: no stack trace captured per request.
  const nc = await connect({ servers: env('NATS_URL').split(','), noEcho: true, noAsyncTraces: true });
  process.on('SIGTERM', () => void nc.close().then(() => process.exit(0)));
  if (role === 'responder') {
    nc.subscribe(subject, { callback: (_err, msg) => msg.respond(msg.data) });
    await nc.flush();
    process.stdout.write('ready\n');
    return;
  }
  if (role !== 'server') throw new Error(`usage: path-floor.ts responder|server (got ${role})`);
  const ok = new TextEncoder().encode('ok');
  serveYardstick((_req, res) => {
    nc.request(subject, ok, { timeout: 5_000 }).then(
      (reply) => {
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': reply.data.length });
        res.end(reply.data);
      },
      () => {
        res.writeHead(503, { 'content-length': 0 });
        res.end();
      },
    );
  });
}

main(process.argv[2]).catch((err: unknown) => {
  process.stderr.write(`path floor: ${errorMessage(err)}\n`);
  process.exit(1);
});
