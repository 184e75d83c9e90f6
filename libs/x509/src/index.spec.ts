import * as api from './index';

describe('@certgate/x509 public surface', () => {
  it('exports exactly the documented names', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'Certificate',
        'ChainFailureReason',
        'DEFAULT_KEY_POLICY',
        'X509Error',
        'commonName',
        'createCsr',
        'decryptPrivateKey',
        'describeKey',
        'describeReason',
        'dnEquals',
        'encryptPrivateKeyPem',
        'exportPrivateKeyPem',
        'exportPublicKeyPem',
        'formatDN',
        'generateKeyPair',
        'importPrivateKeyPem',
        'importPublicKeyPem',
        'isValidAnchor',
        'isX509Error',
        'issueCertificate',
        'keyMatchesCertificate',
        'normalizeDN',
        'normalizeDNReversed',
        'dnInForwardOrder',
        'parseCertificate',
        'parseCertificates',
        'parseCsr',
        'parseDN',
        'readPkcs12',
        'peerCertificateOf',
        'readTlsPeerCertificate',
        'reasonFromTlsError',
        'reviewHandshakeChain',
        'rfc4514FromOpenSsl',
        'toPemBundle',
        'verifyChain',
        'writePkcs12',
        'createRecipientKey',
        'sealForRecipient',
        'openFromSender',
        'dnFromDer',
        'readServerFlight',
        'clientCertificateTypeName',
        'tlsAlertName',
        'tlsAlertFromError',
        'isClientCertificateAlert',
        'judgeTlsServer',
        'HOSTNAME_MISMATCH',
        'chainToPkcs7Der',
        'Crl',
        'parseCrl',
        'crlDistributionUrls',
        'checkRevocation',
        'missingEkuProblem',
        'ocspNonce',
        'ocspRequest',
        'ocspResponderUrls',
        'ocspVerdict',
        'peerChain',
        'trustStoreAnchors',
      ].sort(),
    );
  });

  it('works on import alone: the crypto providers are set', async () => {
    const keys = await api.generateKeyPair({ type: 'EC', curve: 'P-256' });
    const root = await api.issueCertificate({ subjectDN: 'CN=r', publicKey: keys.publicKey, signingKey: keys.privateKey, ca: true });
    expect(await api.isValidAnchor(root)).toEqual({ ok: true });
  });
});
