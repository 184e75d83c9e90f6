import 'reflect-metadata';
import { Name } from '@peculiar/x509';
import type { TlsServerFlight } from '@certgate/x509';
import { clientAuthentication, type ClientAuthenticationInput, type PresentedKeyPair } from './client-authentication';

/** DER Name as a server puts it in certificate_authorities; @peculiar's Name takes the RDNs in DER order (root first). */
const der = (dn: string) => new Uint8Array(new Name(dn.split(',').reverse().join(',')).toArrayBuffer());
const flight = (over: Partial<TlsServerFlight> = {}): TlsServerFlight => ({ certificates: [], done: true, encrypted: false, version: 0x0303, ...over });
const asking = (...cas: string[]) => ({
  flight: flight({ certificateRequest: { certificateTypes: [64], signatureAlgorithms: [0x0403], certificateAuthorities: cas.map(der) } }),
});
const presented: PresentedKeyPair = {
  alias: 'a',
  subjectDN: 'CN=tenant-a,O=Acme',
  fingerprint: 'f'.repeat(64),
  issuerDNs: ['CN=Acme Issuing CA,O=Acme', 'CN=Acme Root CA,O=Acme'],
};
const base: ClientAuthenticationInput = { probe: { flight: flight() }, protocol: 'TLSv1.3', afterwards: { kind: 'confirmed' } };

describe('clientAuthentication', () => {
  it('no CertificateRequest before ServerHelloDone → not requested, no CA names', () => {
    expect(clientAuthentication(base)).toEqual({ requested: false, acceptedIssuers: [] });
  });

  it('a CertificateRequest → requested, with its CA names as RFC 4514 text', () => {
    expect(clientAuthentication({ ...base, probe: asking('CN=Acme Root CA,O=Acme', 'CN=Other CA,O=Other') })).toEqual({
      requested: true,
      acceptedIssuers: ['CN=Acme Root CA,O=Acme', 'CN=Other CA,O=Other'],
    });
  });

  it('the presented key pair is shown; an issuer the server does not name gets a note', () => {
    expect(clientAuthentication({ ...base, probe: asking('CN=Acme Root CA,O=Acme'), presented })).toEqual({
      requested: true,
      acceptedIssuers: ['CN=Acme Root CA,O=Acme'],
      presented: { alias: 'a', subjectDN: presented.subjectDN, fingerprint: presented.fingerprint },
    });
    expect(clientAuthentication({ ...base, probe: asking('CN=Other CA,O=Other'), presented }).note).toBe(
      "the issuer of the certificate of 'a' ('CN=Acme Issuing CA,O=Acme') is not among the CAs the server accepts",
    );
  });

  it('a request with no CA names says the server does not name its issuers', () => {
    expect(clientAuthentication({ ...base, probe: asking() })).toEqual({
      requested: true,
      acceptedIssuers: [],
      note: 'the server sent no CA names: it does not say which issuers it accepts',
    });
  });

  it('TLS 1.3 only (the probe got protocol_version) → null with a note saying why', () => {
    const result = clientAuthentication({ ...base, probe: { flight: flight({ done: false, alert: { level: 'fatal', code: 70, name: 'protocol_version' } }) } });
    expect(result).toMatchObject({ requested: null, acceptedIssuers: null });
    expect(result.note).toMatch(
      /^the server speaks only TLS 1\.3 \(it answered TLS 1\.2 with alert protocol_version\), where its request for a client certificate is encrypted/,
    );
  });

  it('...unless the main handshake got certificate_required: then requested', () => {
    const result = clientAuthentication({
      ...base,
      probe: { flight: flight({ done: false, alert: { level: 'fatal', code: 70, name: 'protocol_version' } }) },
      afterwards: { kind: 'alert', alert: { code: 116, name: 'certificate_required' }, error: new Error('x') },
    });
    expect(result).toMatchObject({ requested: true, acceptedIssuers: null });
    expect(result.note).toContain('the server requires a client certificate (TLS alert certificate_required); name a key pair it accepts in keyAlias');
  });

  it('a server that objects to the presented certificate, by alert or by closing', () => {
    const byAlert = clientAuthentication({
      ...base,
      probe: asking('CN=Acme Root CA,O=Acme'),
      presented,
      afterwards: { kind: 'alert', alert: { code: 48, name: 'unknown_ca' }, error: new Error('x') },
    });
    expect(byAlert.note).toBe("the server refused the client certificate of 'a' (TLS alert unknown_ca)");
    const byClose = clientAuthentication({ ...base, probe: asking('CN=Acme Root CA,O=Acme'), presented, afterwards: { kind: 'closed' } });
    expect(byClose.note).toContain("it probably does not accept the client certificate of 'a'");
  });

  it('a key pair named for a server that does not ask → a note that it was not sent', () => {
    expect(clientAuthentication({ ...base, presented }).note).toBe("the server did not ask for a client certificate, so the key pair 'a' was not sent");
  });

  it('a TLS 1.2 server whose probe failed → null, with the reason', () => {
    const result = clientAuthentication({ ...base, protocol: 'TLSv1.2', probe: { error: new Error('timed out after 5000 ms') } });
    expect(result).toEqual({
      requested: null,
      acceptedIssuers: null,
      note: 'whether the server asks for a client certificate could not be read from its handshake (timed out after 5000 ms)',
    });
  });

  it('CA names that are not DER names are left out, and counted', () => {
    const bad = {
      flight: flight({
        certificateRequest: { certificateTypes: [64], signatureAlgorithms: [], certificateAuthorities: [der('CN=Good CA,O=G'), new Uint8Array([1, 2, 3])] },
      }),
    };
    expect(clientAuthentication({ ...base, probe: bad })).toEqual({
      requested: true,
      acceptedIssuers: ['CN=Good CA,O=G'],
      note: '1 of the CA names the server sent are not well-formed distinguished names and are left out',
    });
  });
});
