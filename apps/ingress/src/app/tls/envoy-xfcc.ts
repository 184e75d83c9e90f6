import { MAX_FORWARDED_CHAIN, type ForwardedClientCert } from './forwarded-client-cert';

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * The client certificate in Envoy's `x-forwarded-client-cert` (XFCC): elements separated
 * by commas, one per proxy that appended one, each `Key=value` pairs separated by
 * semicolons, values optionally in double quotes (with `\"` inside). The last element is
 * the nearest proxy's, the one the ingress trusts. `Chain` (the whole URL-encoded PEM
 * chain, leaf first) is preferred to `Cert` (the leaf alone).
 */
export function envoyXfccClientCert(value: string): ForwardedClientCert {
  const elements = splitOutsideQuotes(value, ',');
  const nearest = elements[elements.length - 1] ?? '';
  const fields = new Map<string, string>();
  for (const pair of splitOutsideQuotes(nearest, ';')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return malformed(`'${pair.trim().slice(0, 40)}' is not a Key=value pair`);
    fields.set(pair.slice(0, eq).trim().toLowerCase(), unquote(pair.slice(eq + 1).trim()));
  }
  const encoded = fields.get('chain') ?? fields.get('cert');
  if (encoded === undefined) return malformed('the nearest element has no Cert or Chain (configure Envoy to forward the certificate)');
  let pem: string;
  try {
    pem = decodeURIComponent(encoded);
  } catch {
    return malformed('Cert/Chain is not URL-encoded PEM');
  }
  const [leaf, ...intermediates] = pem.match(PEM_BLOCK) ?? [];
  if (leaf === undefined) return malformed('Cert/Chain holds no PEM certificate');
  if (intermediates.length >= MAX_FORWARDED_CHAIN) return malformed(`Chain holds ${intermediates.length + 1} certificates, more than ${MAX_FORWARDED_CHAIN}`);
  return { kind: 'chain', leaf, intermediates };
}

function malformed(why: string): ForwardedClientCert {
  return { kind: 'malformed', message: `x-forwarded-client-cert: ${why}` };
}

/** Splits at `separator` where it is not inside a double-quoted value. */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && quoted && i + 1 < text.length) {
      current += c + text[++i];
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === separator && !quoted) {
      if (current.trim()) parts.push(current);
      current = '';
    } else current += c;
  }
  if (current.trim()) parts.push(current);
  return parts;
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1).replace(/\\(.)/g, '$1') : value;
}
