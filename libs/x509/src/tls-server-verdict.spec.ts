import { judgeTlsServer, type TlsServerVerdictInput } from './tls-server-verdict';

const base: TlsServerVerdictInput = { authorized: true, serverName: 'receiver.example', trustStore: 'the keystore' };
const mismatch = new Error("Hostname/IP does not match certificate's altnames: Host: receiver.example. is not in the cert's altnames: DNS:other.example");

describe('judgeTlsServer', () => {
  it('trusted chain and matching name → valid, no reason', () => {
    expect(judgeTlsServer(base)).toEqual({ valid: true, chainTrusted: true, hostnameMatches: true });
  });

  it('no path to a trusted certificate: names the store, OpenSSL wording and the missing issuer', () => {
    const verdict = judgeTlsServer({
      ...base,
      authorized: false,
      authorizationError: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
      topIssuerDN: 'CN=Other Issuing CA,O=Other',
    });
    expect(verdict).toMatchObject({ valid: false, chainTrusted: false, hostnameMatches: true, reason: 'chain_incomplete' });
    expect(verdict.message).toBe(
      "the server's chain does not lead to a trusted certificate in the keystore (unable to get local issuer certificate); the last certificate the server sent is issued by 'CN=Other Issuing CA,O=Other'",
    );
  });

  it.each([
    ['SELF_SIGNED_CERT_IN_CHAIN', 'untrusted_root', 'self-signed certificate in certificate chain'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'self_signed_leaf', 'self-signed certificate'],
  ])('%s → %s, still "does not lead to a trusted certificate"', (code, reason, text) => {
    const verdict = judgeTlsServer({ ...base, authorized: false, authorizationError: code });
    expect(verdict.reason).toBe(reason);
    expect(verdict.message).toBe(`the server's chain does not lead to a trusted certificate in the keystore (${text})`);
  });

  it('other chain failures say what is wrong with the chain', () => {
    const verdict = judgeTlsServer({ ...base, authorized: false, authorizationError: 'CERT_HAS_EXPIRED' });
    expect(verdict).toMatchObject({
      reason: 'expired',
      message: "the server's chain is not valid: a certificate in the chain has expired (certificate has expired)",
    });
    expect(judgeTlsServer({ ...base, authorized: false, authorizationError: 'INVALID_PURPOSE' }).reason).toBe('wrong_eku');
  });

  it('an Error object, an X509_V_ERR_ prefix or an unknown code are read too', () => {
    expect(judgeTlsServer({ ...base, authorized: false, authorizationError: Object.assign(new Error('x'), { code: 'CERT_HAS_EXPIRED' }) }).reason).toBe(
      'expired',
    );
    expect(judgeTlsServer({ ...base, authorized: false, authorizationError: 'X509_V_ERR_CERT_NOT_YET_VALID' }).reason).toBe('not_yet_valid');
    const odd = judgeTlsServer({ ...base, authorized: false, authorizationError: 'PROXY_PATH_LENGTH_EXCEEDED' });
    expect(odd).toMatchObject({ reason: 'unknown', message: expect.stringContaining('(proxy path length exceeded)') });
    expect(judgeTlsServer({ ...base, authorized: false }).reason).toBe('unknown');
  });

  it("host-name mismatch alone → hostname_mismatch with Node's explanation", () => {
    const verdict = judgeTlsServer({ ...base, identityError: mismatch });
    expect(verdict).toMatchObject({ valid: false, chainTrusted: true, hostnameMatches: false, reason: 'hostname_mismatch' });
    expect(verdict.message).toBe(`the server's certificate is not valid for the name 'receiver.example' (${mismatch.message})`);
  });

  it('both wrong: the chain reason first, both problems in the message', () => {
    const verdict = judgeTlsServer({ ...base, authorized: false, authorizationError: 'CERT_HAS_EXPIRED', identityError: mismatch });
    expect(verdict).toMatchObject({ valid: false, chainTrusted: false, hostnameMatches: false, reason: 'expired' });
    expect(verdict.message?.split('; ')).toHaveLength(2);
  });
});
