// TLS alert descriptions (RFC 8446 §6, RFC 5246 §7.2) by code, and the alert a
// peer sent as Node reports it: OpenSSL ends such an error's message with
// "SSL alert number <n>" and Node names the code ERR_SSL_<...>_ALERT_<NAME>.

const ALERTS: Record<number, string> = {
  0: 'close_notify',
  10: 'unexpected_message',
  20: 'bad_record_mac',
  21: 'decryption_failed',
  22: 'record_overflow',
  30: 'decompression_failure',
  40: 'handshake_failure',
  41: 'no_certificate',
  42: 'bad_certificate',
  43: 'unsupported_certificate',
  44: 'certificate_revoked',
  45: 'certificate_expired',
  46: 'certificate_unknown',
  47: 'illegal_parameter',
  48: 'unknown_ca',
  49: 'access_denied',
  50: 'decode_error',
  51: 'decrypt_error',
  60: 'export_restriction',
  70: 'protocol_version',
  71: 'insufficient_security',
  80: 'internal_error',
  86: 'inappropriate_fallback',
  90: 'user_canceled',
  100: 'no_renegotiation',
  109: 'missing_extension',
  110: 'unsupported_extension',
  111: 'certificate_unobtainable',
  112: 'unrecognized_name',
  113: 'bad_certificate_status_response',
  114: 'bad_certificate_hash_value',
  115: 'unknown_psk_identity',
  116: 'certificate_required',
  120: 'no_application_protocol',
};

/** Alerts a server sends when it does not accept the client certificate it got (or wanted one and got none). */
const CLIENT_CERTIFICATE_ALERTS = new Set([41, 42, 43, 44, 45, 46, 48, 49, 116]);

export function tlsAlertName(code: number): string {
  return ALERTS[code] ?? `alert_${code}`;
}

/** Whether an alert is a verdict on the client certificate (refused, or none where one is required). */
export function isClientCertificateAlert(code: number): boolean {
  return CLIENT_CERTIFICATE_ALERTS.has(code);
}

/** The alert the peer sent, if this Node/OpenSSL error reports one. */
export function tlsAlertFromError(err: unknown): { code: number; name: string } | undefined {
  // Not `instanceof Error`: errors made by Node core fail that test in another realm (a Jest sandbox, a vm context).
  if (typeof err !== 'object' || err === null || typeof (err as Error).message !== 'string') return undefined;
  const number = /SSL alert number (\d+)/.exec((err as Error).message);
  if (number) {
    const code = Number(number[1]);
    return { code, name: tlsAlertName(code) };
  }
  const named = /^ERR_SSL_(?:SSLV3|TLSV1|TLSV13)_ALERT_([A-Z_]+)$/.exec((err as NodeJS.ErrnoException).code ?? '');
  if (!named) return undefined;
  const name = named[1].toLowerCase();
  const code = Object.entries(ALERTS).find(([, n]) => n === name)?.[0];
  return code === undefined ? undefined : { code: Number(code), name };
}
