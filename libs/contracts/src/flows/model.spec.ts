import { LIMITS } from '../limits';
import { addressSchema, flowDefinitionSchema } from './model';

const messageOf = (address: string) => {
  const r = addressSchema.safeParse(address);
  return r.success ? undefined : r.error.issues[0].message;
};

const flow = (over: Record<string, unknown> = {}, sender: Record<string, unknown> = {}) => ({
  id: 'orders',
  sender: { address: '/orders', authorization: { type: 'role', role: 'Orders.send' }, ...sender },
  ...over,
});
const refusal = (input: unknown) => {
  const r = flowDefinitionSchema.safeParse(input);
  return r.success ? undefined : `${r.error.issues[0].path.join('.')}: ${r.error.issues[0].message}`;
};

describe('a flow address', () => {
  it.each(['/orders', '/orders/v2', '/a.b/c~d/e-f_g', '/..a', '/a..'])('takes %s', (a) => expect(messageOf(a)).toBeUndefined());

  it.each([
    ['/..', "an address has no '.' or '..' segments: give the path itself"],
    ['/.', "an address has no '.' or '..' segments: give the path itself"],
    ['/../x', "an address has no '.' or '..' segments: give the path itself"],
    ['/a/../b', "an address has no '.' or '..' segments: give the path itself"],
    ['/a//b', "an address has no empty segments ('//' or a trailing '/')"],
    ['/a/', "an address has no empty segments ('//' or a trailing '/')"],
    ['/a%2Fb', "an address has no percent-encoding ('%2F' and the like): use the characters themselves"],
    ['orders', "an address starts with '/'"],
    ['/a b', "an address is a path such as '/orders' or '/orders/v2': letters, digits, '.', '_', '~' and '-' between '/'"],
    [`/${'a'.repeat(LIMITS.addressChars)}`, `an address is at most ${LIMITS.addressChars} characters`],
    ['/a'.repeat(LIMITS.addressSegments + 1), `an address has at most ${LIMITS.addressSegments} segments`],
  ])('refuses %s, saying why', (a, message) => expect(messageOf(a)).toBe(message));
});

describe('a flow definition is bounded', () => {
  it('in steps, body template, headers and their values', () => {
    expect(refusal(flow({ steps: Array.from({ length: LIMITS.steps + 1 }, () => ({ type: 'echo' })) }))).toBe('steps: a flow has at most 50 steps');
    expect(refusal(flow({ steps: [{ type: 'respond', status: 200, body: 'x'.repeat(LIMITS.templateChars + 1) }] }))).toBe(
      'steps.0.body: a respond body is at most 262144 characters',
    );
    const many = Object.fromEntries(Array.from({ length: LIMITS.headersPerStep + 1 }, (_, i) => [`x-h${i}`, 'v']));
    expect(refusal(flow({ steps: [{ type: 'respond', status: 200, headers: many }] }))).toBe('steps.0.headers: a respond step sets at most 64 headers');
    expect(refusal(flow({ steps: [{ type: 'set-header', name: 'x-a', value: 'v'.repeat(LIMITS.headerValueChars + 1) }] }))).toBe(
      'steps.0.value: a header value is at most 8192 characters',
    );
  });

  it('refuses CR, LF and other control characters in a header value at deploy, not at send time', () => {
    for (const value of ['a\r\nSet-Cookie: x=1', 'a\nb', 'a\u0000b'])
      expect(refusal(flow({ steps: [{ type: 'respond', status: 200, headers: { 'x-a': value } }] }))).toBe(
        'steps.0.headers.x-a: a header value may not contain CR, LF or other control characters',
      );
    expect(refusal(flow({ steps: [{ type: 'set-header', name: 'x-a', value: 'tab\tis fine' }] }))).toBeUndefined();
  });

  it('in listed certificates, DN lengths and the receiver URL', () => {
    const dn = { subjectDN: 'CN=a', issuerDN: 'CN=b' };
    const listing = (certificates: unknown[]) => flow({}, { authorization: { type: 'client-certificate', certificates } });
    expect(refusal(listing(Array.from({ length: LIMITS.flowCertificates }, () => dn)))).toBeUndefined();
    expect(refusal(listing(Array.from({ length: LIMITS.flowCertificates + 1 }, () => dn)))).toBe(
      'sender.authorization.certificates: a flow lists at most 100 certificates',
    );
    expect(refusal(listing([{ subjectDN: `CN=${'a'.repeat(LIMITS.dnChars)}`, issuerDN: 'CN=b' }]))).toBe(
      'sender.authorization.certificates.0.subjectDN: subjectDN is longer than 1024 characters',
    );
    expect(refusal(flow({ receiver: { url: `https://r.example/${'p'.repeat(LIMITS.urlChars)}`, authentication: { type: 'none' } } }))).toBe(
      'receiver.url: a receiver URL is at most 2048 characters',
    );
  });
});
