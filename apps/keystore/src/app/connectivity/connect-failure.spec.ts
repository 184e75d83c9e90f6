import { connectFailure, opensslReason, target, type FailedHandshake } from './connect-failure';

const errno = (code: string, message = code): Error => Object.assign(new Error(message), { code });
const failed = (f: Partial<FailedHandshake> & { error: Error }): FailedHandshake => ({ connected: false, timedOut: false, timeoutMs: 5_000, ...f });

describe('connectFailure', () => {
  it('is always unreachable (502), with host, port and cause in the details', () => {
    const err = connectFailure('127.0.0.1', 1, failed({ error: errno('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1') }));
    expect(err).toMatchObject({
      code: 'unreachable',
      message: '127.0.0.1:1 refused the connection (nothing listens there)',
      details: { host: '127.0.0.1', port: 1, cause: 'ECONNREFUSED' },
    });
  });

  it.each([
    [failed({ error: errno('ENOTFOUND') }), "the host name 'h.example' cannot be resolved (ENOTFOUND)"],
    [failed({ error: errno('EHOSTUNREACH') }), 'h.example:443 cannot be reached: no route to the host (EHOSTUNREACH)'],
    [
      failed({ error: new Error('timed out'), timedOut: true }),
      'h.example:443 did not accept a connection within 5000 ms (the host is down, or a firewall drops the packets)',
    ],
    [
      failed({ error: new Error('timed out'), timedOut: true, connected: true }),
      'h.example:443 accepted the connection but did not complete a TLS handshake within 5000 ms (is it a TLS port?)',
    ],
    [
      failed({
        error: errno('ERR_SSL_WRONG_VERSION_NUMBER', 'C0:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../ssl/record/ssl3_record.c:354:\n'),
        connected: true,
      }),
      'h.example:443 does not speak TLS: its answer is not a TLS handshake (wrong version number)',
    ],
    [failed({ error: errno('ECONNRESET'), connected: true }), 'h.example:443 closed the connection during the TLS handshake (ECONNRESET)'],
    [
      failed({ error: errno('ECONNRESET'), connected: true, presentedAlias: 'a' }),
      "h.example:443 closed the connection during the TLS handshake after the client certificate of 'a' was sent (ECONNRESET): it probably does not accept that certificate",
    ],
  ])('%#: %s', (f, message) => {
    expect(connectFailure('h.example', 443, f).message).toBe(message);
  });

  it('names the TLS alert and what it usually means', () => {
    const alert = (code: number, name: string, presentedAlias?: string) =>
      connectFailure('h.example', 443, failed({ error: new Error('x'), connected: true, alert: { code, name }, presentedAlias })).message;
    expect(alert(48, 'unknown_ca', 'a')).toBe(
      "h.example:443 aborted the TLS handshake with alert unknown_ca (48): it does not accept the client certificate of 'a'",
    );
    expect(alert(116, 'certificate_required')).toBe(
      'h.example:443 aborted the TLS handshake with alert certificate_required (116): it requires a client certificate; name a key pair it accepts in keyAlias',
    );
    expect(alert(70, 'protocol_version')).toContain('no TLS version in common');
    expect(alert(40, 'handshake_failure')).toContain('no cipher suite in common, or it requires a client certificate');
    expect(alert(80, 'internal_error')).toBe('h.example:443 aborted the TLS handshake with alert internal_error (80)');
  });

  it('brackets IPv6 addresses next to the port', () => {
    expect(target('::1', 8443)).toBe('[::1]:8443');
    expect(target('[::1]', 8443)).toBe('[::1]:8443');
    expect(target('h.example', 1)).toBe('h.example:1');
  });

  it("keeps only OpenSSL's reason out of Node's long message", () => {
    expect(opensslReason('80:error:0A0000C6:SSL routines:tls_get_more_records:packet length too long:../ssl/record/rec_layer_s3.c:322:\n')).toBe(
      'packet length too long',
    );
    expect(opensslReason('socket hang up')).toBe('socket hang up');
  });
});
