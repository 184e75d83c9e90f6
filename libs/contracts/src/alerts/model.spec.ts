import { alertSubscriptionBodySchema } from './model';

const SECRET = 'a-webhook-secret-of-32-characters';
const problems = (url: string) => alertSubscriptionBodySchema.safeParse({ url, secret: SECRET }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('alertSubscriptionBodySchema url', () => {
  it.each(['https://hooks.example/certgate', 'http://hooks.example:8080/x?token=a%20b#frag', 'https://[2606:4700::1]/hook'])('takes %s', (url) => {
    expect(problems(url)).toBeUndefined();
  });

  it.each(['https://user:pass@hooks.example/', 'https://user@hooks.example/', 'https://:pass@hooks.example/'])(
    'refuses credentials in %s, pointing to the signature',
    (url) => {
      expect(problems(url)).toEqual([
        "url: url must not contain credentials (user:password@): receivers authenticate deliveries by their X-Certgate-Signature, made with the subscription's secret",
      ]);
    },
  );

  it.each([
    ['000A', 23, 'https://hooks.example/a\nb'],
    ['000D', 23, 'https://hooks.example/a\rb'],
    ['000D', 17, 'https://hooks.exa\r\nmple/'],
    ['0009', 22, 'https://hooks.example/\tx'],
    ['0000', 22, 'https://hooks.example/\u0000'],
    ['007F', 22, 'https://hooks.example/\u007f'],
    ['0085', 22, 'https://hooks.example/\u0085'],
    ['0020', 23, 'https://hooks.example/a b'],
    ['0020', 0, ' https://hooks.example/'],
    ['200B', 22, 'https://hooks.example/\u200b'],
    ['202E', 22, 'https://hooks.example/\u202e'],
    ['2028', 22, 'https://hooks.example/\u2028'],
    ['FEFF', 22, 'https://hooks.example/\ufeff'],
  ])('refuses U+%s (at position %d) instead of removing what the parser would drop, and says only that', (code, at, url) => {
    expect(problems(url)).toEqual([
      `url: url must not contain spaces, control or invisible characters (U+${code} at position ${at}); they are not removed: percent-encode or delete them`,
    ]);
  });

  it('keeps the messages it had for other schemes and non-URLs', () => {
    expect(problems('ftp://hooks.example/x')).toEqual(['url: url must be http or https']);
    expect(problems('javascript:alert(1)')).toEqual(['url: url must be http or https']);
    expect(problems('hooks.example/x')).toEqual(['url: url must be an absolute http(s) URL', 'url: url must be http or https']);
  });
});
