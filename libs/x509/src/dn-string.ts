// RFC 4514 string <-> attribute model. The model keeps RDNs in string order
// (most specific first); DER order is the reverse (see dn-der.ts). Neither side
// uses @peculiar/x509's Name, whose string form is lenient and wrong in the ways
// library-gaps.spec.ts shows.
import { attributeDisplayName, attributeOid } from './dn-attributes';
import { X509Error } from './errors';

export interface DnAttribute {
  oid: string;
  /** Text of the value; for a value kept as DER this is `#` + lowercase hex. */
  value: string;
  /** DER of a value that is not a character string (RFC 4514 §2.4 `#hexstring`). */
  der?: Uint8Array;
}
export type Rdn = DnAttribute[];

const SPECIAL = new Set(['"', '+', ',', ';', '<', '>', '\\']);
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Parses an RFC 4514 DN (also the older RFC 2253/1779 leniencies: `;` between
 * RDNs, spaces around separators and `=`, quoted values) or OpenSSL's slash
 * form `/C=DE/O=Acme/CN=alice`, which is written root first and so reversed.
 * Not x509.Name's parser: it reads `alice` as the empty name and `\C3\BC` as `C3BC`.
 */
export function parseDnString(input: string, decodeHexValue: (der: Uint8Array) => DnAttribute['value'] | undefined): Rdn[] {
  if (input.trim() === '') return [];
  // Only leading space may go: a trailing one can be the escaped end of a value (`CN=a\ `).
  const text = input.trimStart();
  const slashForm = text.startsWith('/');
  const parser = new DnParser(input, text, slashForm ? '/' : ',;', decodeHexValue);
  const rdns = parser.parse(slashForm ? 1 : 0);
  return slashForm ? rdns.reverse() : rdns;
}

class DnParser {
  private i = 0;

  constructor(
    private readonly original: string,
    private readonly s: string,
    private readonly rdnSeparators: string,
    private readonly decodeHexValue: (der: Uint8Array) => string | undefined,
  ) {}

  parse(start: number): Rdn[] {
    this.i = start;
    const rdns: Rdn[] = [];
    let rdn: Rdn = [];
    for (;;) {
      rdn.push(this.attribute());
      this.skipSpaces();
      if (this.i >= this.s.length) break;
      const sep = this.s[this.i++];
      if (sep === '+') continue;
      rdns.push(rdn);
      rdn = [];
      this.skipSpaces();
      if (this.i >= this.s.length) throw this.error('the DN ends with a separator');
    }
    rdns.push(rdn);
    return rdns;
  }

  private attribute(): DnAttribute {
    this.skipSpaces();
    const typeStart = this.i;
    while (this.i < this.s.length && this.s[this.i] !== '=') {
      if (this.isSeparator(this.s[this.i])) throw this.error(`expected '=' after '${this.s.slice(typeStart, this.i).trim()}'`);
      this.i++;
    }
    const type = this.s.slice(typeStart, this.i).trim();
    if (this.i >= this.s.length) throw this.error(`expected '=' after '${type}'`);
    if (type === '') throw this.error('an attribute type is missing before =');
    const oid = attributeOid(type);
    if (!oid) throw this.error(`unknown attribute type '${type}' (use a short name such as CN, O, OU, C, L, ST, or a dotted OID)`);
    this.i++;
    this.skipSpaces();
    if (this.s[this.i] === '#') return this.hexValue(oid);
    if (this.s[this.i] === '"') return { oid, value: this.quotedValue() };
    return { oid, value: this.plainValue() };
  }

  private hexValue(oid: string): DnAttribute {
    const start = ++this.i;
    while (this.i < this.s.length && /[0-9a-fA-F]/.test(this.s[this.i])) this.i++;
    const hex = this.s.slice(start, this.i).toLowerCase();
    if (hex.length === 0 || hex.length % 2 !== 0) throw this.error('a #hex value needs an even number of hex digits');
    const der = new Uint8Array(Buffer.from(hex, 'hex'));
    const text = this.decodeHexValue(der);
    return text === undefined ? { oid, value: `#${hex}`, der } : { oid, value: text };
  }

  private quotedValue(): string {
    const bytes: number[] = [];
    this.i++;
    for (;;) {
      if (this.i >= this.s.length) throw this.error('a quoted value is not closed');
      const ch = this.s[this.i];
      if (ch === '"') break;
      if (ch === '\\') this.escape(bytes);
      else this.literal(bytes);
    }
    this.i++;
    return this.decode(bytes);
  }

  private plainValue(): string {
    const bytes: number[] = [];
    let significant = 0;
    while (this.i < this.s.length) {
      const ch = this.s[this.i];
      if (ch === '+' || this.isSeparator(ch)) break;
      if (ch === '\\') {
        this.escape(bytes);
        significant = bytes.length;
      } else {
        this.literal(bytes);
        if (!/\s/.test(ch)) significant = bytes.length;
      }
    }
    // Unescaped trailing spaces are not part of the value (RFC 4514 §3).
    return this.decode(bytes.slice(0, significant));
  }

  private escape(bytes: number[]): void {
    const next = this.s.slice(this.i + 1, this.i + 3);
    if (/^[0-9a-fA-F]{2}$/.test(next)) {
      bytes.push(parseInt(next, 16));
      this.i += 3;
      return;
    }
    if (this.i + 1 >= this.s.length) throw this.error('the DN ends with a lone backslash');
    // RFC 4514 only allows escaping specials, but accepting any escaped character is harmless.
    const cp = this.s.codePointAt(this.i + 1) as number;
    const ch = String.fromCodePoint(cp);
    bytes.push(...Buffer.from(ch, 'utf8'));
    this.i += 1 + ch.length;
  }

  private literal(bytes: number[]): void {
    const ch = String.fromCodePoint(this.s.codePointAt(this.i) as number);
    bytes.push(...Buffer.from(ch, 'utf8'));
    this.i += ch.length;
  }

  private decode(bytes: number[]): string {
    try {
      return utf8.decode(Uint8Array.from(bytes));
    } catch (cause) {
      throw this.error('escaped bytes are not valid UTF-8', cause);
    }
  }

  private isSeparator(ch: string): boolean {
    return this.rdnSeparators.includes(ch);
  }

  private skipSpaces(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i])) this.i++;
  }

  private error(why: string, cause?: unknown): X509Error {
    return new X509Error('parse_error', `cannot read the distinguished name '${this.original}': ${why}`, { cause });
  }
}

/** RFC 4514 §2.4 escaping of one value; x509.Name's escapes only the first control character. */
export function escapeDnValue(attr: DnAttribute): string {
  if (attr.der) return attr.value;
  const chars = Array.from(attr.value);
  return chars
    .map((ch, k) => {
      if (SPECIAL.has(ch)) return `\\${ch}`;
      if ((k === 0 && (ch === ' ' || ch === '#')) || (k === chars.length - 1 && ch === ' ')) return `\\${ch}`;
      const code = ch.codePointAt(0) as number;
      if (code < 0x20 || code === 0x7f) return `\\${code.toString(16).padStart(2, '0')}`;
      return ch;
    })
    .join('');
}

/** RDNs in string order to RFC 4514 text: `,` between RDNs and no spaces, as the RFC (and Node's TLS layer) write it. */
export function formatDn(rdns: Rdn[], separator = ','): string {
  return rdns.map((rdn) => rdn.map((a) => `${attributeDisplayName(a.oid)}=${escapeDnValue(a)}`).join('+')).join(separator);
}
