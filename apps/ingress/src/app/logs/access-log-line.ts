import { formatLogTime, logSafe } from './log-format';

export interface AccessLogEntry {
  ip: string;
  who: string;
  time: Date;
  method: string;
  /** Request path with its query string, as received. */
  path: string;
  status: number;
}

/** `<ip> - <who> [<dd/Mon/yyyy:HH:mm:ss +0000>] <METHOD> <path> HTTP/1.1 <status>` (design §3). */
export function accessLogLine(e: AccessLogEntry): string {
  return `${logSafe(e.ip)} - ${logSafe(e.who)} [${formatLogTime(e.time)}] ${logSafe(e.method)} ${logSafe(e.path)} HTTP/1.1 ${e.status}`;
}

/**
 * `<who>`: the principal the runtime resolved (service-key client id or user) when there
 * is one, else `<CN of subject>@<CN of issuer>` of a certificate the handshake verified,
 * else empty. A certificate that failed verification never names anyone here.
 */
export function accessLogWho(principal: string | undefined, verifiedCertificate: { subjectCN?: string; issuerCN?: string } | undefined): string {
  if (principal) return principal;
  if (verifiedCertificate) return `${verifiedCertificate.subjectCN ?? ''}@${verifiedCertificate.issuerCN ?? ''}`;
  return '';
}
