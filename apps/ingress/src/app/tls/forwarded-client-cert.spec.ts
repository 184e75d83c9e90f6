import { forwardedClientCert } from './forwarded-client-cert';

const b64 = (s: string) => `:${Buffer.from(s).toString('base64')}:`;

describe('RFC 9440 Client-Cert and Client-Cert-Chain', () => {
  it('absent without Client-Cert (a chain alone says nothing)', () => {
    expect(forwardedClientCert({ 'client-cert-chain': b64('x') })).toEqual({ kind: 'absent' });
  });

  it('reads the leaf and the chain, in order', () => {
    const out = forwardedClientCert({ 'client-cert': b64('leaf'), 'client-cert-chain': `${b64('ica')}, ${b64('root')}` });
    expect(out).toMatchObject({ kind: 'chain' });
    if (out.kind !== 'chain') return;
    expect(Buffer.from(out.leaf).toString()).toBe('leaf');
    expect(out.intermediates.map((d) => Buffer.from(d).toString())).toEqual(['ica', 'root']);
  });

  it.each([
    [{ 'client-cert': 'MIIB' }, /Client-Cert is not an RFC 9440 byte sequence/],
    [{ 'client-cert': `${b64('a')}, ${b64('b')}` }, /Client-Cert is not an RFC 9440 byte sequence/],
    [{ 'client-cert': '::' }, /Client-Cert is empty/],
    [{ 'client-cert': b64('a'), 'client-cert-chain': 'nonsense(' }, /Client-Cert-Chain is not a list/],
    [{ 'client-cert': b64('a'), 'client-cert-chain': '"text"' }, /Client-Cert-Chain member 1 is not/],
    [{ 'client-cert': b64('a'), 'client-cert-chain': Array.from({ length: 11 }, () => b64('c')).join(', ') }, /11 certificates, more than 10/],
  ])('malformed %p', (headers, message) => {
    const out = forwardedClientCert(headers);
    expect(out.kind).toBe('malformed');
    expect((out as { message: string }).message).toMatch(message);
  });
});
