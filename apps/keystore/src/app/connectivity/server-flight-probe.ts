import { connect as netConnect } from 'node:net';
import { Duplex } from 'node:stream';
import * as tls from 'node:tls';
import { readServerFlight, type TlsServerFlight } from '@certgate/x509';

export interface ProbeOptions {
  host: string;
  port: number;
  servername?: string;
  timeoutMs: number;
}

/** What the server sent in the clear to a client offering at most TLS 1.2; `error` when that was cut short. */
export interface ProbeOutcome {
  flight?: TlsServerFlight;
  error?: Error;
}

/**
 * Node has no API for the server's CertificateRequest (whether it asks for a client
 * certificate, and from which CAs). In TLS 1.2 that message is plaintext, so this
 * handshake offers at most TLS 1.2 over a pass-through stream that records the
 * server's bytes, and stops at ServerHelloDone: it never sends a certificate.
 */
export function probeServerFlight(opts: ProbeOptions): Promise<ProbeOutcome> {
  return new Promise((resolve) => {
    const raw = netConnect({ host: opts.host, port: opts.port });
    const received: Buffer[] = [];
    let settled = false;
    let flight: TlsServerFlight | undefined;

    const wire = new Duplex({
      read: () => raw.resume(),
      write: (chunk: Buffer, _encoding, callback) => raw.write(chunk, callback),
      final: (callback) => raw.end(callback),
      destroy: (err, callback) => {
        raw.destroy();
        callback(err);
      },
    });
    const client = tls.connect({
      socket: wire,
      maxVersion: 'TLSv1.2',
      ...(opts.servername ? { servername: opts.servername } : {}),
      rejectUnauthorized: false,
      checkServerIdentity: () => undefined,
    });

    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      client.destroy();
      wire.destroy();
      resolve({ ...(flight ? { flight } : {}), ...(error ? { error } : {}) });
    };
    const timer = setTimeout(() => finish(new Error(`timed out after ${opts.timeoutMs} ms`)), opts.timeoutMs);

    raw.on('data', (chunk: Buffer) => {
      received.push(chunk);
      try {
        flight = readServerFlight(Buffer.concat(received));
      } catch (err) {
        return finish(err as Error);
      }
      if (flight.done || flight.alert || flight.encrypted) return finish();
      if (!wire.push(chunk)) raw.pause();
    });
    raw.on('end', () => wire.push(null));
    raw.on('error', (err) => finish(err));
    raw.on('close', () => finish(new Error('the server closed the connection')));
    // The client's own view does not matter: the recorded bytes are read instead.
    client.on('error', () => undefined);
  });
}
