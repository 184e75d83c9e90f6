import { CertgateError, ErrorCode } from '@certgate/contracts';
import { isClientCertificateAlert } from '@certgate/x509';

export interface FailedHandshake {
  error: Error;
  connected: boolean;
  timedOut: boolean;
  alert?: { code: number; name: string };
  timeoutMs: number;
  /** The key pair that was presented, if one was. */
  presentedAlias?: string;
}

const NOT_TLS = new Set([
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'ERR_SSL_PACKET_LENGTH_TOO_LONG',
  'ERR_SSL_HTTP_REQUEST',
  'ERR_SSL_UNKNOWN_PROTOCOL',
  'ERR_SSL_RECORD_LAYER_FAILURE',
]);
const NO_ROUTE = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN']);
const NO_NAME = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL']);

/** `host:port`, with brackets around an IPv6 address. */
export function target(host: string, port: number): string {
  return `${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${port}`;
}

/** A handshake that never completed, as an `unreachable` error (502 at the console) saying why. */
export function connectFailure(host: string, port: number, f: FailedHandshake): CertgateError {
  const code = (f.error as NodeJS.ErrnoException).code;
  return new CertgateError(ErrorCode.unreachable, describe(host, port, f, code), {
    host,
    port,
    ...(code ? { cause: code } : {}),
    ...(f.alert ? { alert: f.alert.name } : {}),
  });
}

function describe(host: string, port: number, f: FailedHandshake, code: string | undefined): string {
  const hp = target(host, port);
  if (f.alert) return `${hp} aborted the TLS handshake with alert ${f.alert.name} (${f.alert.code})${alertHint(f.alert.code, f.presentedAlias)}`;
  if (f.timedOut) {
    return f.connected
      ? `${hp} accepted the connection but did not complete a TLS handshake within ${f.timeoutMs} ms (is it a TLS port?)`
      : `${hp} did not accept a connection within ${f.timeoutMs} ms (the host is down, or a firewall drops the packets)`;
  }
  if (code === 'ECONNREFUSED') return `${hp} refused the connection (nothing listens there)`;
  if (code && NO_NAME.has(code)) return `the host name '${host}' cannot be resolved (${code})`;
  if (code && NO_ROUTE.has(code)) return `${hp} cannot be reached: no route to the host (${code})`;
  if (code && NOT_TLS.has(code)) return `${hp} does not speak TLS: its answer is not a TLS handshake (${opensslReason(f.error.message)})`;
  if (f.connected) {
    const cause = code ? ` (${code})` : '';
    return f.presentedAlias
      ? `${hp} closed the connection during the TLS handshake after the client certificate of '${f.presentedAlias}' was sent${cause}: it probably does not accept that certificate`
      : `${hp} closed the connection during the TLS handshake${cause}`;
  }
  return `the connection to ${hp} failed: ${opensslReason(f.error.message)}`;
}

function alertHint(alert: number, presentedAlias: string | undefined): string {
  if (alert === 70) return ': no TLS version in common (certgate speaks TLS 1.2 and 1.3)';
  if (alert === 112) return ': it does not know the server name sent (set serverName)';
  if (isClientCertificateAlert(alert)) {
    return presentedAlias
      ? `: it does not accept the client certificate of '${presentedAlias}'`
      : ': it requires a client certificate; name a key pair it accepts in keyAlias';
  }
  if (alert === 40) {
    return presentedAlias
      ? ': no cipher suite in common, or it does not accept the client certificate presented'
      : ': no cipher suite in common, or it requires a client certificate (name a key pair in keyAlias)';
  }
  return '';
}

/** OpenSSL's reason out of Node's long message (`...:SSL routines:ssl3_get_record:wrong version number:../ssl/record.c:354:`). */
export function opensslReason(message: string): string {
  const match = /SSL routines:[^:]*:([^:]+):/.exec(message);
  return (match ? match[1] : message).trim();
}
