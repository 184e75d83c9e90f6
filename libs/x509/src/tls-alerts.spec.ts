import { isClientCertificateAlert, tlsAlertFromError, tlsAlertName } from './tls-alerts';

/** As Node 20 reports a peer's alert (message and code copied from real handshakes). */
function nodeTlsError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('TLS alerts', () => {
  it('names alerts by code, unknown ones by number', () => {
    expect(tlsAlertName(116)).toBe('certificate_required');
    expect(tlsAlertName(48)).toBe('unknown_ca');
    expect(tlsAlertName(250)).toBe('alert_250');
  });

  it('reads the alert from the "SSL alert number" OpenSSL puts in the message', () => {
    const err = nodeTlsError(
      'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED',
      '801C63F6577F0000:error:0A00045C:SSL routines:ssl3_read_bytes:tlsv13 alert certificate required:../deps/openssl/openssl/ssl/record/rec_layer_s3.c:1601:SSL alert number 116\n',
    );
    expect(tlsAlertFromError(err)).toEqual({ code: 116, name: 'certificate_required' });
  });

  it('falls back to the Node error code when the message lacks the number', () => {
    expect(tlsAlertFromError(nodeTlsError('ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE', 'handshake failure'))).toEqual({ code: 40, name: 'handshake_failure' });
    expect(tlsAlertFromError(nodeTlsError('ERR_SSL_TLSV1_ALERT_UNKNOWN_CA', 'x'))).toEqual({ code: 48, name: 'unknown_ca' });
  });

  it('no alert in errors that are not one', () => {
    expect(tlsAlertFromError(nodeTlsError('ECONNRESET', 'socket hang up'))).toBeUndefined();
    expect(tlsAlertFromError(nodeTlsError('ERR_SSL_WRONG_VERSION_NUMBER', 'wrong version number'))).toBeUndefined();
    expect(tlsAlertFromError('ECONNRESET')).toBeUndefined();
  });

  it('tells client-certificate verdicts apart from other alerts', () => {
    for (const code of [42, 48, 116]) expect(isClientCertificateAlert(code)).toBe(true);
    for (const code of [40, 70, 112]) expect(isClientCertificateAlert(code)).toBe(false);
  });
});

describe('TLS alerts from another realm', () => {
  it('#connectivity - an error made in another context (as Node core errors look inside Jest) is still read', async () => {
    const { runInNewContext } = await import('node:vm');
    const foreign = runInNewContext("Object.assign(new Error('x:SSL alert number 48'), { code: 'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA' })") as unknown;
    expect(foreign instanceof Error).toBe(false);
    expect(tlsAlertFromError(foreign)).toEqual({ code: 48, name: 'unknown_ca' });
  });
});
