import { dnFromDer } from './dn-from-der';
import { encodeDN } from './dn';
import { isX509Error } from './errors';

describe('dnFromDer', () => {
  it('reads a DER Name back to RFC 4514 text, most specific RDN first, with escapes', () => {
    expect(dnFromDer(encodeDN('CN=Acme Client CA, OU=Ops\\, Berlin, O=Acme, C=DE'))).toBe('CN=Acme Client CA,OU=Ops\\, Berlin,O=Acme,C=DE');
  });

  it('multi-valued RDNs and the empty name', () => {
    expect(dnFromDer(encodeDN('CN=a+UID=b, O=c'))).toMatch(/^(CN=a\+UID=b|UID=b\+CN=a),O=c$/);
    expect(dnFromDer(new Uint8Array([0x30, 0x00]))).toBe('');
  });

  it('bytes that are not a DER Name → parse_error', () => {
    for (const bad of [new Uint8Array([0x04, 0x01, 0x00]), new Uint8Array([0x30, 0x05, 0x31]), new Uint8Array([])]) {
      let caught: unknown;
      try {
        dnFromDer(bad);
      } catch (err) {
        caught = err;
      }
      expect(isX509Error(caught, 'parse_error')).toBe(true);
    }
  });
});
