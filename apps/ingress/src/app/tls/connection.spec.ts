import type { TlsPeerCertificate } from '@certgate/x509';
import { tlsClientOf } from './connection';

const certificate: TlsPeerCertificate = {
  fingerprint: 'ab'.repeat(32),
  subjectDN: 'CN=alice,O=Acme',
  issuerDN: 'CN=Acme Issuing CA,O=Acme',
  subjectCN: 'alice',
  issuerCN: 'Acme Issuing CA',
  serialNumber: '01',
  notAfter: new Date('2030-01-01T00:00:00Z'),
};

describe('the TLS verdict as the envelope carries it', () => {
  it('none', () => {
    expect(tlsClientOf({ kind: 'none' })).toEqual({ status: 'none' });
  });

  it('verified: fingerprint, DNs and CNs', () => {
    expect(tlsClientOf({ kind: 'verified', certificate })).toEqual({
      status: 'verified',
      fingerprint: certificate.fingerprint,
      subjectDN: 'CN=alice,O=Acme',
      issuerDN: 'CN=Acme Issuing CA,O=Acme',
      subjectCN: 'alice',
      issuerCN: 'Acme Issuing CA',
    });
  });

  it('verified without CNs leaves them out rather than sending undefined', () => {
    const out = tlsClientOf({ kind: 'verified', certificate: { ...certificate, subjectCN: undefined, issuerCN: undefined } });
    expect(Object.keys(out)).toEqual(['status', 'fingerprint', 'subjectDN', 'issuerDN']);
  });

  it('rejected: reason, message, fingerprint and DNs, never CNs that could pass for an identity', () => {
    const out = tlsClientOf({
      kind: 'rejected',
      reason: 'chain_incomplete',
      message: 'incomplete (UNABLE_TO_VERIFY_LEAF_SIGNATURE)',
      tlsError: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      certificate,
    });
    expect(out).toEqual({
      status: 'rejected',
      reason: 'chain_incomplete',
      message: 'incomplete (UNABLE_TO_VERIFY_LEAF_SIGNATURE)',
      fingerprint: certificate.fingerprint,
      subjectDN: 'CN=alice,O=Acme',
      issuerDN: 'CN=Acme Issuing CA,O=Acme',
    });
  });
});
