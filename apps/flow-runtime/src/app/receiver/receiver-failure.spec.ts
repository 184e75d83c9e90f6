import { CertgateError, ErrorCode } from '@certgate/contracts';
import { ReceiverFailure, describeCallError, describeKeyMaterialError, type CallStage, type CallTarget } from './receiver-failure';

const withKey: CallTarget = { host: 'receiver.example', port: 9443, alias: 'tenant' };
const noKey: CallTarget = { host: 'receiver.example', port: 9443 };
const fresh: CallStage = { secured: false, reused: false, answered: false };
const secured: CallStage = { secured: true, reused: false, answered: false };
const tlsError = (code: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(`OpenSSL says ${code}`), { code, ...extra });

describe('describeCallError', () => {
  it('a TLS alert about the client certificate: the receiver refused it, with the alert named', () => {
    expect(describeCallError(tlsError('ERR_SSL_TLSV1_ALERT_UNKNOWN_CA'), withKey, secured, 1)).toBe(
      "the receiver refused the client certificate of key pair 'tenant' (TLS alert: unknown_ca)",
    );
    expect(describeCallError(tlsError('ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE'), withKey, fresh, 1)).toBe(
      "the receiver refused the client certificate of key pair 'tenant' (TLS alert: bad_certificate)",
    );
    expect(describeCallError(tlsError('ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED'), withKey, secured, 1)).toBe(
      "the receiver refused the client certificate of key pair 'tenant' (TLS alert: certificate_required)",
    );
  });

  it("certificate required while presenting none: the flow's authentication is named", () => {
    expect(describeCallError(tlsError('ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED'), noKey, secured, 1)).toBe(
      "the receiver requires a client certificate, but the flow's receiver authentication is 'none' (TLS alert: certificate_required)",
    );
  });

  it("the alert number in OpenSSL's message is read too", () => {
    const err = Object.assign(
      new Error('error:0A000418:SSL routines:ssl3_read_bytes:tlsv1 alert unknown ca:ssl/record/rec_layer_s3.c:1605:SSL alert number 48'),
      { code: 'ERR_SSL_SOMETHING' },
    );
    expect(describeCallError(err, withKey, secured, 1)).toBe("the receiver refused the client certificate of key pair 'tenant' (TLS alert: unknown_ca)");
  });

  it('another alert is a failed handshake, not a refused certificate', () => {
    expect(describeCallError(tlsError('ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION'), withKey, fresh, 1)).toBe(
      'the TLS handshake with the receiver at receiver.example:9443 failed (TLS alert: protocol_version)',
    );
  });

  it('a connection closed right after a new handshake, before any answer: the certificate was refused (a Node receiver sends no alert)', () => {
    expect(describeCallError(tlsError('ECONNRESET'), withKey, secured, 1)).toBe(
      "the receiver refused the client certificate of key pair 'tenant': it closed the connection right after the TLS handshake without answering (ECONNRESET)",
    );
    expect(describeCallError(tlsError('ECONNRESET'), noKey, secured, 1)).toBe(
      'the receiver at receiver.example:9443 closed the connection without answering (ECONNRESET)',
    );
    expect(describeCallError(tlsError('ECONNRESET'), withKey, { ...secured, reused: true, secured: false }, 1)).toBe(
      'the receiver at receiver.example:9443 closed the connection without answering (ECONNRESET)',
    );
    expect(describeCallError(tlsError('ECONNRESET'), withKey, { ...secured, answered: true }, 1)).toBe(
      'the receiver at receiver.example:9443 closed the connection in the middle of its answer (ECONNRESET)',
    );
  });

  it("the receiver's chain not verifying against the keystore's trusted certificates", () => {
    expect(describeCallError(tlsError('UNABLE_TO_GET_ISSUER_CERT_LOCALLY'), withKey, fresh, 2)).toBe(
      "the receiver's certificate chain is not trusted by the keystore: no trusted certificate in the keystore issued it, or the receiver does not send its intermediate CA certificates (UNABLE_TO_GET_ISSUER_CERT_LOCALLY); add the receiver's root CA certificate to the keystore as a trusted certificate",
    );
    expect(describeCallError(tlsError('SELF_SIGNED_CERT_IN_CHAIN'), withKey, fresh, 2)).toMatch(
      /^the receiver's certificate chain is not trusted by the keystore: it ends in a root CA that is not a trusted certificate/,
    );
    expect(describeCallError(tlsError('DEPTH_ZERO_SELF_SIGNED_CERT'), withKey, fresh, 2)).toBe(
      "the receiver's certificate chain is not trusted by the keystore: the receiver's certificate is self-signed and not a trusted certificate in the keystore (DEPTH_ZERO_SELF_SIGNED_CERT)",
    );
    expect(describeCallError(tlsError('UNABLE_TO_GET_ISSUER_CERT_LOCALLY'), withKey, fresh, 0)).toBe(
      "the receiver's certificate chain is not trusted by the keystore: the keystore holds no trusted certificates (UNABLE_TO_GET_ISSUER_CERT_LOCALLY); add the receiver's root CA certificate to the keystore as a trusted certificate",
    );
    expect(describeCallError(tlsError('CERT_REVOKED'), withKey, fresh, 1)).toBe(
      "the receiver's certificate chain is not trusted by the keystore: CERT_REVOKED",
    );
  });

  it('an expired receiver chain, and one for the wrong purpose', () => {
    expect(describeCallError(tlsError('CERT_HAS_EXPIRED'), withKey, fresh, 1)).toBe(
      "the receiver's certificate chain has expired: a certificate in it is past its notAfter date (CERT_HAS_EXPIRED)",
    );
    expect(describeCallError(tlsError('INVALID_PURPOSE'), withKey, fresh, 1)).toBe(
      "the receiver's certificate is not allowed for TLS servers: its extended key usage lacks serverAuth (INVALID_PURPOSE)",
    );
  });

  it('a host-name mismatch names the host and what the certificate holds', () => {
    const err = tlsError('ERR_TLS_CERT_ALTNAME_INVALID', { reason: "Host: receiver.example. is not in the cert's altnames: DNS:other.example" });
    expect(describeCallError(err, withKey, fresh, 1)).toBe(
      "the receiver's certificate does not match host 'receiver.example': Host: receiver.example. is not in the cert's altnames: DNS:other.example",
    );
    const ip = tlsError('ERR_TLS_CERT_ALTNAME_INVALID', { reason: "IP: 127.0.0.1 is not in the cert's list: ", cert: { subjectaltname: 'DNS:receiver.test' } });
    expect(describeCallError(ip, { ...withKey, host: '127.0.0.1' }, fresh, 1)).toBe(
      "the receiver's certificate does not match host '127.0.0.1': IP: 127.0.0.1 is not in the cert's list (the certificate is for DNS:receiver.test)",
    );
  });

  it('network failures name host and port', () => {
    expect(describeCallError(tlsError('ECONNREFUSED'), withKey, fresh, 1)).toBe(
      'the receiver at receiver.example:9443 refused the connection: nothing listens there (ECONNREFUSED)',
    );
    expect(describeCallError(tlsError('ENOTFOUND'), withKey, fresh, 1)).toBe("the receiver's host 'receiver.example' could not be resolved (ENOTFOUND)");
    expect(describeCallError(tlsError('EHOSTUNREACH'), withKey, fresh, 1)).toBe('the receiver at receiver.example:9443 cannot be reached (EHOSTUNREACH)');
    expect(describeCallError(tlsError('HPE_INVALID_CONSTANT'), withKey, secured, 1)).toBe("the receiver's answer is not valid HTTP/1.1 (HPE_INVALID_CONSTANT)");
    expect(describeCallError(new Error('odd'), withKey, fresh, 1)).toBe('the call to the receiver at receiver.example:9443 failed');
  });

  it('a failure already named keeps its sentence', () => {
    expect(describeCallError(new ReceiverFailure('the receiver at x:1 did not answer within 100 ms'), withKey, secured, 1)).toBe(
      'the receiver at x:1 did not answer within 100 ms',
    );
  });
});

describe('describeKeyMaterialError', () => {
  it("the keystore's own refusal is passed on as it said it", () => {
    const missing = new CertgateError(ErrorCode.keyAliasUnknown, "no key pair with alias 'gone' in the keystore");
    expect(describeKeyMaterialError(missing, 'gone')).toBe("no key pair with alias 'gone' in the keystore");
  });

  it('a keystore that does not answer is named as such', () => {
    expect(describeKeyMaterialError(new CertgateError(ErrorCode.timeout, 'no reply on s in time'), 'tenant')).toBe(
      "the keystore did not answer in time when asked for key pair 'tenant'",
    );
    expect(describeKeyMaterialError(new CertgateError(ErrorCode.serviceUnavailable, 'no service answers on s'), 'tenant')).toBe(
      "the keystore did not answer when asked for key pair 'tenant': no service answers on s",
    );
  });

  it('anything else does not pass its text on', () => {
    expect(describeKeyMaterialError(new Error('-----BEGIN PRIVATE KEY-----'), 'tenant')).toBe("the key material of 'tenant' could not be used");
  });
});
