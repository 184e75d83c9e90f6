import { createHash } from 'node:crypto';
import { dnFromDer } from './dn-from-der';
import { isX509Error } from './errors';
import { noRequestFlight, requestCertFlight, SERVER_CA_SHA256, SERVER_LEAF_SHA256, tls13OnlyFlight } from './tls-captures.spec-fixtures';
import { clientCertificateTypeName, readServerFlight } from './tls-server-flight';

const sha256 = (der: Uint8Array) => createHash('sha256').update(der).digest('hex');

/** The same handshake bytes cut into records of at most `size` bytes (a server may fragment as it likes). */
function refragment(flight: Uint8Array, size: number): Uint8Array {
  const payload: number[] = [];
  let offset = 0;
  while (offset + 5 <= flight.length && flight[offset] === 22) {
    const length = (flight[offset + 3] << 8) | flight[offset + 4];
    payload.push(...flight.subarray(offset + 5, offset + 5 + length));
    offset += 5 + length;
  }
  const out: number[] = [];
  for (let i = 0; i < payload.length; i += size) {
    const chunk = payload.slice(i, i + size);
    out.push(22, 3, 3, chunk.length >> 8, chunk.length & 0xff, ...chunk);
  }
  return new Uint8Array(out);
}

describe('readServerFlight (bytes captured from real TLS 1.2 handshakes)', () => {
  it('a server with requestCert: version, cipher, the chain it sent and the CertificateRequest with its CA names', () => {
    const flight = readServerFlight(requestCertFlight);
    expect(flight).toMatchObject({ version: 0x0303, cipherSuite: 0xc02b, done: true, encrypted: false });
    expect(flight.alert).toBeUndefined();
    expect(flight.certificates.map(sha256)).toEqual([SERVER_LEAF_SHA256, SERVER_CA_SHA256]);
    const request = flight.certificateRequest;
    expect(request?.certificateTypes.map(clientCertificateTypeName)).toEqual(['rsa_sign', 'dss_sign', 'ecdsa_sign']);
    expect(request?.signatureAlgorithms).toContain(0x0403); // ecdsa_secp256r1_sha256
    expect(request?.signatureAlgorithms).toContain(0x0804); // rsa_pss_rsae_sha256
    expect(request?.certificateAuthorities.map(dnFromDer)).toEqual([
      'CN=Fixture Client CA,O=certgate fixture',
      'CN=Second CA,OU=Ops\\, Berlin,O=certgate fixture',
    ]);
  });

  it('a server without requestCert: ServerHelloDone and no CertificateRequest', () => {
    const flight = readServerFlight(noRequestFlight);
    expect(flight.done).toBe(true);
    expect(flight.certificateRequest).toBeUndefined();
    expect(flight.certificates).toHaveLength(2);
  });

  it('a TLS 1.3-only server: the protocol_version alert, nothing else', () => {
    expect(readServerFlight(tls13OnlyFlight)).toEqual({
      certificates: [],
      done: false,
      encrypted: false,
      alert: { level: 'fatal', code: 70, name: 'protocol_version' },
    });
  });

  it('handshake messages split over many records, and several in one record, read the same', () => {
    const whole = readServerFlight(requestCertFlight);
    for (const size of [1, 7, 300, 16_384]) {
      const flight = readServerFlight(refragment(requestCertFlight, size));
      expect(flight).toEqual(whole);
    }
  });

  it('bytes cut short: what is complete so far, without ServerHelloDone (a later call with more bytes gets the rest)', () => {
    const partial = readServerFlight(requestCertFlight.subarray(0, 200));
    expect(partial).toMatchObject({ version: 0x0303, done: false, certificates: [] });
    expect(readServerFlight(requestCertFlight.subarray(0, requestCertFlight.length - 1)).done).toBe(false);
  });

  it('stops where records turn encrypted (change_cipher_spec, application data)', () => {
    const encrypted = new Uint8Array([20, 3, 3, 0, 1, 1, 23, 3, 3, 0, 2, 0xaa, 0xbb]);
    expect(readServerFlight(encrypted)).toMatchObject({ encrypted: true, done: false });
  });

  it('bytes that are not TLS (an HTTP answer) → parse_error', () => {
    let caught: unknown;
    try {
      readServerFlight(new Uint8Array(Buffer.from('HTTP/1.1 400 Bad Request\r\n\r\n')));
    } catch (err) {
      caught = err;
    }
    expect(isX509Error(caught, 'parse_error')).toBe(true);
    expect((caught as Error).message).toContain('does not start a TLS record');
  });

  it('a handshake message whose inner lengths run past its end → parse_error naming the field', () => {
    // ServerHello of 3 bytes: too short for version + random.
    const bad = new Uint8Array([22, 3, 3, 0, 7, 2, 0, 0, 3, 3, 3, 0]);
    expect(() => readServerFlight(bad)).toThrow(/truncated ServerHello/);
  });
});
