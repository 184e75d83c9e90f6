import type { KvBuckets } from '@certgate/messaging';
import { createTestPki } from '@certgate/testing';
import type { IngressEnv } from '../ingress-env';
import type { EffectiveRoots } from '../trusted-roots/effective-roots';
import { SessionTicketKeys } from './session-ticket-keys.service';

/** The key derivation alone: no bucket is touched before onModuleInit. */
const noBuckets = { bucket: () => ({ repository: () => ({}) }) } as unknown as KvBuckets;
const keys = (env: Partial<IngressEnv>) =>
  new SessionTicketKeys({ INGRESS_TLS_SESSION_TIMEOUT_SECONDS: 300, INGRESS_TLS_TICKET_KEY_ROTATION_SECONDS: 3600, ...env } as IngressEnv, noBuckets);
const MASTER = 'm'.repeat(32);

describe('SessionTicketKeys', () => {
  let one: EffectiveRoots;
  let two: EffectiveRoots;

  beforeAll(async () => {
    const [a, b] = await Promise.all([createTestPki(), createTestPki()]);
    one = { anchors: [a.root.certificate] } as unknown as EffectiveRoots;
    two = { anchors: [a.root.certificate, b.root.certificate] } as unknown as EffectiveRoots;
  });

  it('replicas with one master key and one epoch derive one 48-byte key; other roots, another key', () => {
    const [a, b] = [keys({ CERTGATE_MASTER_KEY: MASTER }), keys({ CERTGATE_MASTER_KEY: MASTER })];
    // The epoch normally comes from the bucket; here both take the same nonce.
    for (const k of [a, b]) (k as unknown as { takeNonce(n: string): void }).takeNonce('AAAAAAAAAAAAAAAAAAAAAA');
    expect(a.mode).toBe('shared');
    expect(a.keyFor(one)).toHaveLength(48);
    expect(a.keyFor(one).equals(b.keyFor(one))).toBe(true);
    expect(a.keyFor(one).equals(a.keyFor(two))).toBe(false);
  });

  it('another master key, or a new epoch, gives another key', () => {
    const [a, b] = [keys({ CERTGATE_MASTER_KEY: MASTER }), keys({ CERTGATE_MASTER_KEY: 'n'.repeat(32) })];
    for (const k of [a, b]) (k as unknown as { takeNonce(n: string): void }).takeNonce('AAAAAAAAAAAAAAAAAAAAAA');
    expect(a.keyFor(one).equals(b.keyFor(one))).toBe(false);
    const before = a.keyFor(one);
    let told = 0;
    a.onChange(() => told++);
    (a as unknown as { takeNonce(n: string): void }).takeNonce('BBBBBBBBBBBBBBBBBBBBBB');
    expect(told).toBe(1);
    expect(a.keyFor(one).equals(before)).toBe(false);
  });

  it('without a master key each replica keeps its own key', () => {
    const [a, b] = [keys({}), keys({})];
    expect(a.mode).toBe('replica');
    expect(a.keyFor(one).equals(b.keyFor(one))).toBe(false);
  });
});
