// Subject alternative names as given by callers, checked before they are
// signed into a certificate or CSR.
import { isIP } from 'node:net';
import type { x509 } from './engine';
import { X509Error } from './errors';

export interface NameLists {
  dnsNames?: string[];
  ipAddresses?: string[];
  emails?: string[];
}

const DNS_NAME = /^(\*\.)?(?!-)[A-Za-z0-9-]{1,63}(?<!-)(\.(?!-)[A-Za-z0-9-]{1,63}(?<!-))*\.?$/;
// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]+$/;

export function generalNames(lists: NameLists): x509.JsonGeneralName[] {
  const names: x509.JsonGeneralName[] = [];
  for (const dns of lists.dnsNames ?? []) {
    if (!DNS_NAME.test(dns)) throw new X509Error('parse_error', `'${dns}' is not a DNS name (internationalized names must be given in their xn-- form)`);
    names.push({ type: 'dns', value: dns });
  }
  for (const ip of lists.ipAddresses ?? []) {
    if (!isIP(ip)) throw new X509Error('parse_error', `'${ip}' is not an IPv4 or IPv6 address`);
    names.push({ type: 'ip', value: ip });
  }
  for (const email of lists.emails ?? []) {
    if (!/^[^@\s]+@[^@\s]+$/.test(email) || !ASCII.test(email)) throw new X509Error('parse_error', `'${email}' is not an ASCII e-mail address`);
    names.push({ type: 'email', value: email });
  }
  return names;
}
