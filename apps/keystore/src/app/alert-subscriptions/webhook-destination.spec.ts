import { classifyAddress, WebhookAllowList, WebhookDestinations, type ResolvedAddress, type WebhookResolver } from './webhook-destination';

/** A resolver answering from a table, as DNS would; a name not in it does not exist. */
function tableResolver(table: Record<string, string[]>): WebhookResolver & { asked: string[] } {
  const asked: string[] = [];
  const resolve = async (host: string): Promise<ResolvedAddress[]> => {
    asked.push(host);
    const addresses = table[host];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return Object.assign(resolve, { asked });
}

const destinations = (allow = '', table: Record<string, string[]> = {}) => new WebhookDestinations(WebhookAllowList.parse(allow), tableResolver(table), 1000);

describe('classifyAddress', () => {
  it.each([
    ['169.254.169.254', 'a cloud metadata address'],
    ['169.254.170.2', 'a cloud metadata address'],
    ['100.100.100.200', 'a cloud metadata address'],
    ['192.0.0.192', 'a cloud metadata address'],
    ['fd00:ec2::254', 'a cloud metadata address'],
    ['169.254.1.1', 'a link-local address'],
    ['fe80::1', 'a link-local address'],
    ['febf:ffff::1', 'a link-local address'],
    ['127.0.0.1', 'a loopback address'],
    ['127.255.255.254', 'a loopback address'],
    ['::1', 'a loopback address'],
    ['10.0.0.1', 'a private address'],
    ['10.255.255.255', 'a private address'],
    ['172.16.0.1', 'a private address'],
    ['172.31.255.254', 'a private address'],
    ['192.168.1.1', 'a private address'],
    ['100.64.0.1', 'a shared (carrier-grade NAT) address'],
    ['100.127.255.254', 'a shared (carrier-grade NAT) address'],
    ['fc00::1', 'a private (unique local) address'],
    ['fd12:3456::1', 'a private (unique local) address'],
    ['0.0.0.0', 'an unspecified address'],
    ['::', 'an unspecified address'],
    ['224.0.0.1', 'a multicast address'],
    ['239.255.255.250', 'a multicast address'],
    ['ff02::1', 'a multicast address'],
    ['255.255.255.255', 'the broadcast address'],
    ['0.1.2.3', 'an unspecified address'],
    ['240.0.0.1', 'a reserved address'],
    ['192.0.2.1', 'a reserved address'],
    // IPv4-mapped IPv6: judged by the IPv4 address.
    ['::ffff:169.254.169.254', 'a cloud metadata address (IPv4-mapped 169.254.169.254)'],
    ['::ffff:a9fe:a9fe', 'a cloud metadata address (IPv4-mapped 169.254.169.254)'],
    ['::ffff:127.0.0.1', 'a loopback address (IPv4-mapped 127.0.0.1)'],
    ['::ffff:10.1.2.3', 'a private address (IPv4-mapped 10.1.2.3)'],
    ['::ffff:0.0.0.0', 'an unspecified address (IPv4-mapped 0.0.0.0)'],
    // NAT64: judged by the IPv4 address the gateway would connect to.
    ['64:ff9b::a9fe:a9fe', 'a cloud metadata address (NAT64 169.254.169.254)'],
    ['64:ff9b::10.0.0.1', 'a private address (NAT64 10.0.0.1)'],
    // Outside 2000::/3 nothing is public: IPv4-compatible, SIIT, discard-only.
    ['::a9fe:a9fe', 'an address outside the global unicast range 2000::/3'],
    ['::7f00:1', 'an address outside the global unicast range 2000::/3'],
    ['100::1', 'a special-purpose address (discard)'],
    ['::ffff:0:a9fe:a9fe', 'a special-purpose address (rfc6145)'],
    // Transition forms that may carry any IPv4 address.
    ['2002:a9fe:a9fe::1', 'a special-purpose address (6to4)'],
    ['2001:0:a9fe:a9fe::1', 'a special-purpose address (teredo)'],
    ['2001:db8::1', 'a reserved address'],
  ])('%s is %s', (address, kind) => {
    expect(classifyAddress(address)?.kind).toBe(kind);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '93.184.215.14',
    '172.15.255.255',
    '172.32.0.1',
    '100.63.255.255',
    '100.128.0.1',
    '2606:4700:4700::1111',
    '64:ff9b::8.8.8.8',
    '::ffff:8.8.8.8',
  ])('%s is public', (address) => {
    expect(classifyAddress(address)).toBeUndefined();
  });

  it('marks metadata addresses (which only an exact allow-list entry opens)', () => {
    expect(classifyAddress('169.254.169.254')?.metadata).toBe(true);
    expect(classifyAddress('169.254.169.253')?.metadata).toBe(false);
  });
});

describe('WebhookAllowList', () => {
  it('takes CIDRs, addresses, host names and wildcards, comma-separated, spaces and empty entries ignored', () => {
    const allow = WebhookAllowList.parse(' 10.20.0.0/16, 127.0.0.1 ,fd12::/16,::1,Hooks.Internal.,*.corp.example,,');
    expect(allow.allowsAddress('10.20.3.4', false)).toBe(true);
    expect(allow.allowsAddress('10.21.0.1', false)).toBe(false);
    expect(allow.allowsAddress('127.0.0.1', false)).toBe(true);
    expect(allow.allowsAddress('127.0.0.2', false)).toBe(false);
    expect(allow.allowsAddress('::ffff:10.20.0.9', false)).toBe(true);
    expect(allow.allowsAddress('fd12:1::5', false)).toBe(true);
    expect(allow.allowsAddress('::1', false)).toBe(true);
    expect(allow.allowsName('hooks.internal')).toBe(true);
    expect(allow.allowsName('HOOKS.internal.')).toBe(true);
    expect(allow.allowsName('other.internal')).toBe(false);
    expect(allow.allowsName('a.corp.example')).toBe(true);
    expect(allow.allowsName('a.b.corp.example')).toBe(true);
    expect(allow.allowsName('corp.example')).toBe(false);
    expect(allow.allowsName('evilcorp.example')).toBe(false);
  });

  it('is empty by default', () => {
    expect(WebhookAllowList.parse('').isEmpty).toBe(true);
    expect(WebhookAllowList.parse(' , ').isEmpty).toBe(true);
  });

  it('opens a metadata address only by its own entry, never by a range around it', () => {
    expect(WebhookAllowList.parse('169.254.0.0/16').allowsAddress('169.254.169.254', true)).toBe(false);
    expect(WebhookAllowList.parse('0.0.0.0/0').allowsAddress('169.254.169.254', true)).toBe(false);
    expect(WebhookAllowList.parse('169.254.169.254/32').allowsAddress('169.254.169.254', true)).toBe(true);
    expect(WebhookAllowList.parse('169.254.169.254').allowsAddress('169.254.169.254', true)).toBe(true);
    expect(WebhookAllowList.parse('*.google.internal').allowsName('metadata.google.internal')).toBe(false);
    expect(WebhookAllowList.parse('metadata.google.internal').allowsName('metadata.google.internal')).toBe(true);
  });

  it.each([
    ['10.0.0.0/33', "'10.0.0.0/33' is not a CIDR (like 10.20.0.0/16 or fd12::/16)"],
    ['10.0.0/8', "'10.0.0/8' is not a CIDR (like 10.20.0.0/16 or fd12::/16)"],
    ['hooks/x', "'hooks/x' is not a CIDR (like 10.20.0.0/16 or fd12::/16)"],
    ['10.0.0', "'10.0.0' is neither a CIDR (10.20.0.0/16), an address (127.0.0.1, ::1) nor a host name (hooks.internal, *.corp.example)"],
    ['https://hooks.internal', "'https://hooks.internal' is not a CIDR (like 10.20.0.0/16 or fd12::/16)"],
    ['hooks internal', "'hooks internal' is neither a CIDR (10.20.0.0/16), an address (127.0.0.1, ::1) nor a host name (hooks.internal, *.corp.example)"],
    ['*', "'*' is neither a CIDR (10.20.0.0/16), an address (127.0.0.1, ::1) nor a host name (hooks.internal, *.corp.example)"],
  ])('refuses %j', (text, message) => {
    expect(() => WebhookAllowList.parse(text)).toThrow(message);
  });
});

describe('WebhookDestinations.check', () => {
  it.each([
    // Address forms the WHATWG URL parser turns into 169.254.169.254: decimal, hex, octal, short, mapped.
    ['http://169.254.169.254/latest/meta-data/', '169.254.169.254 is a cloud metadata address'],
    ['http://2852039166/', '169.254.169.254 is a cloud metadata address'],
    ['http://0xA9FEA9FE/', '169.254.169.254 is a cloud metadata address'],
    ['http://0xa9.0xfe.0xa9.0xfe/', '169.254.169.254 is a cloud metadata address'],
    ['http://0251.0376.0251.0376/', '169.254.169.254 is a cloud metadata address'],
    ['http://169.254.43518/', '169.254.169.254 is a cloud metadata address'],
    ['http://169.254.169.254./', '169.254.169.254 is a cloud metadata address'],
    ['http://[::ffff:169.254.169.254]/', '::ffff:a9fe:a9fe is a cloud metadata address (IPv4-mapped 169.254.169.254)'],
    ['http://[fd00:ec2::254]/', 'fd00:ec2::254 is a cloud metadata address'],
    ['http://metadata.google.internal/computeMetadata/v1/', 'metadata.google.internal is a cloud metadata host name'],
    ['http://METADATA.google.internal./', 'metadata.google.internal. is a cloud metadata host name'],
    ['http://metadata/', 'metadata is a cloud metadata host name'],
    ['http://instance-data/', 'instance-data is a cloud metadata host name'],
    ['http://127.0.0.1:8080/hook', '127.0.0.1 is a loopback address'],
    ['http://2130706433/', '127.0.0.1 is a loopback address'],
    ['http://0x7f.1/', '127.0.0.1 is a loopback address'],
    ['http://[::1]/', '::1 is a loopback address'],
    ['http://[::ffff:7f00:1]/', '::ffff:7f00:1 is a loopback address (IPv4-mapped 127.0.0.1)'],
    ['http://0/', '0.0.0.0 is an unspecified address'],
    ['http://0.0.0.0:9000/', '0.0.0.0 is an unspecified address'],
    ['http://[::]/', ':: is an unspecified address'],
    ['https://10.1.2.3/', '10.1.2.3 is a private address'],
    ['https://172.20.0.1/', '172.20.0.1 is a private address'],
    ['https://192.168.0.10/', '192.168.0.10 is a private address'],
    ['https://100.64.1.1/', '100.64.1.1 is a shared (carrier-grade NAT) address'],
    ['https://[fc00::1]/', 'fc00::1 is a private (unique local) address'],
    ['https://[fe80::1]/', 'fe80::1 is a link-local address'],
    ['https://169.254.10.10/', '169.254.10.10 is a link-local address'],
    ['https://224.0.0.251/', '224.0.0.251 is a multicast address'],
    ['https://[ff05::2]/', 'ff05::2 is a multicast address'],
    ['https://255.255.255.255/', '255.255.255.255 is the broadcast address'],
  ])('refuses %s: %s', async (url, reason) => {
    expect(await destinations().check(url)).toEqual({ ok: false, refused: true, reason });
  });

  it('resolves a host name and refuses it when any of its addresses is refused', async () => {
    const d = destinations('', {
      'intranet.acme.example': ['10.1.2.3'],
      'mixed.acme.example': ['93.184.215.14', '192.168.1.1'],
      'v6.acme.example': ['2606:4700::1', 'fe80::1'],
      'meta.attacker.example': ['169.254.169.254'],
      'hooks.acme.example': ['93.184.215.14', '2606:4700::1'],
    });
    expect(await d.check('https://intranet.acme.example/hook')).toEqual({
      ok: false,
      refused: true,
      reason: 'intranet.acme.example resolves to 10.1.2.3, a private address',
    });
    expect(await d.check('https://mixed.acme.example/')).toEqual({
      ok: false,
      refused: true,
      reason: 'mixed.acme.example resolves to 192.168.1.1, a private address',
    });
    expect(await d.check('https://v6.acme.example/')).toEqual({
      ok: false,
      refused: true,
      reason: 'v6.acme.example resolves to fe80::1, a link-local address',
    });
    expect(await d.check('https://meta.attacker.example/')).toEqual({
      ok: false,
      refused: true,
      reason: 'meta.attacker.example resolves to 169.254.169.254, a cloud metadata address',
    });
    expect(await d.check('https://hooks.acme.example/x')).toEqual({
      ok: true,
      addresses: [
        { address: '93.184.215.14', family: 4 },
        { address: '2606:4700::1', family: 6 },
      ],
    });
  });

  it('takes public address literals without resolving anything', async () => {
    const resolver = tableResolver({});
    const d = new WebhookDestinations(WebhookAllowList.empty, resolver, 1000);
    expect(await d.check('https://93.184.215.14:8443/hook')).toEqual({ ok: true, addresses: [{ address: '93.184.215.14', family: 4 }] });
    expect(await d.check('https://[2606:4700::1]/hook')).toEqual({ ok: true, addresses: [{ address: '2606:4700::1', family: 6 }] });
    expect(resolver.asked).toEqual([]);
  });

  it('allows what the allow-list names: CIDRs for addresses and resolved names, host names whatever they resolve to', async () => {
    const d = destinations('127.0.0.1/32,10.20.0.0/16,hooks.internal,*.corp.example', {
      localhost: ['127.0.0.1'],
      'dual.localhost': ['127.0.0.1', '::1'],
      'receiver.lab': ['10.20.1.2'],
      'hooks.internal': ['192.168.7.7'],
      'a.corp.example': ['172.16.0.9'],
    });
    expect(await d.check('http://127.0.0.1:8080/hook')).toEqual({ ok: true, addresses: [{ address: '127.0.0.1', family: 4 }] });
    expect(await d.check('http://localhost:8080/hook')).toEqual({ ok: true, addresses: [{ address: '127.0.0.1', family: 4 }] });
    expect(await d.check('http://dual.localhost/')).toEqual({ ok: false, refused: true, reason: 'dual.localhost resolves to ::1, a loopback address' });
    expect(await d.check('http://receiver.lab/')).toEqual({ ok: true, addresses: [{ address: '10.20.1.2', family: 4 }] });
    expect(await d.check('http://hooks.internal/')).toEqual({ ok: true, addresses: [{ address: '192.168.7.7', family: 4 }] });
    expect(await d.check('http://a.corp.example/')).toEqual({ ok: true, addresses: [{ address: '172.16.0.9', family: 4 }] });
    expect(await d.check('http://127.0.0.2/')).toEqual({ ok: false, refused: true, reason: '127.0.0.2 is a loopback address' });
    expect(await d.check('http://169.254.169.254/')).toEqual({ ok: false, refused: true, reason: '169.254.169.254 is a cloud metadata address' });
  });

  it('a name that does not resolve is not refused by the policy, only reported (each delivery checks it again)', async () => {
    expect(await destinations().check('https://hooks.example/certgate')).toEqual({
      ok: false,
      refused: false,
      reason: 'ENOTFOUND: getaddrinfo ENOTFOUND hooks.example',
    });
    const empty = new WebhookDestinations(WebhookAllowList.empty, async () => [], 1000);
    expect(await empty.check('https://nothing.example/')).toEqual({ ok: false, refused: false, reason: 'nothing.example resolves to no address' });
  });

  it('gives up resolving after the timeout', async () => {
    const never = new WebhookDestinations(WebhookAllowList.empty, () => new Promise(() => undefined), 20);
    expect(await never.check('https://slow.example/')).toEqual({ ok: false, refused: false, reason: 'slow.example did not resolve within 20 ms' });
  });

  it('answers differently when the DNS answer changes (each delivery checks again)', async () => {
    const table: Record<string, string[]> = { 'rebind.example': ['93.184.215.14'] };
    const d = destinations('', table);
    expect((await d.check('https://rebind.example/')).ok).toBe(true);
    table['rebind.example'] = ['127.0.0.1'];
    expect(await d.check('https://rebind.example/')).toEqual({ ok: false, refused: true, reason: 'rebind.example resolves to 127.0.0.1, a loopback address' });
  });
});
