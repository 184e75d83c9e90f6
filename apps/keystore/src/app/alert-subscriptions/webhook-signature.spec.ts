import { verifyWebhookSignature, webhookSignature } from './webhook-signature';

describe('webhook signature', () => {
  const secret = 'a-webhook-secret-of-32-characters';
  const body = Buffer.from('{"id":"a1","type":"expiring"}');

  it('is sha256=<hex HMAC-SHA256 of the raw body under the secret> (value computed independently with openssl dgst -sha256 -hmac)', () => {
    // printf '%s' '{"id":"a1","type":"expiring"}' | openssl dgst -sha256 -hmac 'a-webhook-secret-of-32-characters'
    expect(webhookSignature(secret, body)).toBe('sha256=8598dec413937868880b25b4555d8aa3f21596657ef575816f0ecca6487ade55');
  });

  it('verifies the header it produced and nothing else', () => {
    const header = webhookSignature(secret, body);
    expect(verifyWebhookSignature(secret, body, header)).toBe(true);
    expect(verifyWebhookSignature('another-secret-of-32-characters!!', body, header)).toBe(false);
    expect(verifyWebhookSignature(secret, Buffer.from('{"id":"a2","type":"expiring"}'), header)).toBe(false);
    expect(verifyWebhookSignature(secret, body, header.replace('sha256=', 'sha1='))).toBe(false);
    expect(verifyWebhookSignature(secret, body, header.slice(0, -2))).toBe(false);
    expect(verifyWebhookSignature(secret, body, undefined)).toBe(false);
  });

  it('signs the bytes, not a re-serialization: whitespace changes the signature', () => {
    expect(webhookSignature(secret, Buffer.from('{"a":1}'))).not.toBe(webhookSignature(secret, Buffer.from('{ "a": 1 }')));
  });
});
