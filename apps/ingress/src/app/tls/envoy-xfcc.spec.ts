import { envoyXfccClientCert } from './envoy-xfcc';

const pem = (n: number) => `-----BEGIN CERTIFICATE-----\nMIIB${n}AAAA\n-----END CERTIFICATE-----\n`;
const enc = (text: string) => encodeURIComponent(text);

describe("Envoy's x-forwarded-client-cert", () => {
  it("takes the nearest proxy's element (the last), and its Chain before its Cert", () => {
    const header = [
      `By=spiffe://far;Hash=aa;Cert="${enc(pem(9))}"`,
      `By=spiffe://near;Hash=bb;Cert="${enc(pem(1))}";Chain="${enc(pem(1) + pem(2))}";Subject="/C=US/CN=a, b; c"`,
    ].join(',');
    expect(envoyXfccClientCert(header)).toEqual({ kind: 'chain', leaf: pem(1).trim(), intermediates: [pem(2).trim()] });
  });

  it('a Cert alone is the leaf; quotes are optional; escaped quotes inside a value do not end it', () => {
    expect(envoyXfccClientCert(`Hash=cc;Subject="say \\"hi\\"; ok";Cert=${enc(pem(3))}`)).toEqual({ kind: 'chain', leaf: pem(3).trim(), intermediates: [] });
  });

  it.each([
    ['By=spiffe://x;Hash=aa', /no Cert or Chain/],
    ['Cert="%E0%A4%A"', /not URL-encoded PEM/],
    [`Cert="${enc('hello')}"`, /holds no PEM certificate/],
    ['Cert', /is not a Key=value pair/],
    [`Chain="${enc(Array.from({ length: 11 }, (_, i) => pem(i)).join(''))}"`, /11 certificates, more than 10/],
  ])('malformed: %s', (header, message) => {
    const out = envoyXfccClientCert(header);
    expect(out.kind).toBe('malformed');
    expect((out as { message: string }).message).toMatch(message);
  });
});
