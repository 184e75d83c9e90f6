import { IdentityKv, clientIdOf, type ServiceInstance, type StoredServiceKey } from '@certgate/contracts';
import { PrincipalDirectory } from './principal-directory';

const FP_A = 'a'.repeat(64);
const FP_B = 'b'.repeat(64);

function instance(name: string, roles: string[], grantType = 'client_x509'): ServiceInstance {
  return { name, parameters: { roles, 'grant-types': [grantType], 'redirect-uris': [] }, createdAt: '2025-01-01T00:00:00.000Z' };
}

function certKey(instanceName: string, name: string, fingerprint: string): StoredServiceKey {
  return {
    instance: instanceName,
    name,
    type: 'external-certificate',
    clientid: clientIdOf(instanceName, name),
    certificate: {
      pem: '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n',
      fingerprint,
      subjectDN: `CN=${name}`,
      issuerDN: 'CN=ca',
      serialNumber: '01',
      notBefore: '2025-01-01T00:00:00.000Z',
      notAfter: '2035-01-01T00:00:00.000Z',
    },
    createdAt: '2025-01-01T00:00:00.000Z',
  };
}

function secretKey(instanceName: string, name: string, secretHash: string): StoredServiceKey {
  return { instance: instanceName, name, type: 'client-secret', clientid: clientIdOf(instanceName, name), secretHash, createdAt: '2025-01-01T00:00:00.000Z' };
}

/** Writes values the way the identity service lays them out in its bucket. */
function put(dir: PrincipalDirectory, value: ServiceInstance | StoredServiceKey) {
  return 'parameters' in value ? dir.apply(IdentityKv.instance(value.name), value) : dir.apply(IdentityKv.key(value.instance, value.name), value);
}

describe('PrincipalDirectory', () => {
  let dir: PrincipalDirectory;

  beforeEach(() => {
    dir = new PrincipalDirectory();
  });

  it('resolves a certificate fingerprint to the key client id, the instance roles and its grant type', () => {
    put(dir, instance('sender-a', ['Role1', 'ESBMessaging.send']));
    put(dir, certKey('sender-a', 'k1', FP_A));
    const principal = dir.byFingerprint(FP_A);
    expect(principal).toMatchObject({ name: 'sb-sender-a!k1', kind: 'service-key', grantType: 'client_x509' });
    expect([...(principal?.roles ?? [])].sort()).toEqual(['ESBMessaging.send', 'Role1']);
    expect(dir.byFingerprint(FP_B)).toBeUndefined();
  });

  it('resolves a client id to its principal and secret hash', () => {
    put(dir, instance('basic', ['Role1'], 'client_credentials'));
    put(dir, secretKey('basic', 'k2', 'f'.repeat(64)));
    expect(dir.byClientId('sb-basic!k2')).toMatchObject({ principal: { name: 'sb-basic!k2', grantType: 'client_credentials' }, secretHash: 'f'.repeat(64) });
    expect(dir.byClientId('sb-basic!nope')).toBeUndefined();
  });

  it('a certificate key is also found by its client id, without a secret hash', () => {
    put(dir, instance('sender-a', ['Role1']));
    put(dir, certKey('sender-a', 'k1', FP_A));
    expect(dir.byClientId('sb-sender-a!k1')).toEqual({ principal: expect.objectContaining({ name: 'sb-sender-a!k1' }), secretHash: undefined });
  });

  it('a key that arrives before its instance has no principal until the instance comes', () => {
    put(dir, certKey('late', 'k1', FP_A));
    expect(dir.byFingerprint(FP_A)).toBeUndefined();
    expect(dir.byClientId('sb-late!k1')).toEqual({ principal: undefined, secretHash: undefined });
    put(dir, instance('late', ['Role1']));
    expect(dir.byFingerprint(FP_A)?.roles.has('Role1')).toBe(true);
  });

  it('a deleted key is gone at once (rollover: the other key of the instance stays)', () => {
    put(dir, instance('sender-a', ['Role1']));
    put(dir, certKey('sender-a', 'old', FP_A));
    put(dir, certKey('sender-a', 'new', FP_B));
    expect(dir.apply(IdentityKv.key('sender-a', 'old'), undefined)).toBe('applied');
    expect(dir.byFingerprint(FP_A)).toBeUndefined();
    expect(dir.byClientId('sb-sender-a!old')).toBeUndefined();
    expect(dir.byFingerprint(FP_B)?.name).toBe('sb-sender-a!new');
  });

  it("an instance's changed roles reach every key of that instance", () => {
    put(dir, instance('sender-a', ['Role1']));
    put(dir, certKey('sender-a', 'k1', FP_A));
    put(dir, certKey('sender-a', 'k2', FP_B));
    put(dir, instance('sender-a', ['Role2']));
    for (const fp of [FP_A, FP_B]) {
      expect([...(dir.byFingerprint(fp)?.roles ?? [])]).toEqual(['Role2']);
    }
  });

  it('a deleted instance leaves its keys without a principal; recreating it brings them back', () => {
    put(dir, instance('sender-a', ['Role1']));
    put(dir, certKey('sender-a', 'k1', FP_A));
    dir.apply(IdentityKv.instance('sender-a'), undefined);
    expect(dir.byFingerprint(FP_A)).toBeUndefined();
    expect(dir.size).toEqual({ instances: 0, keys: 1 });
    put(dir, instance('sender-a', ['Role3']));
    expect([...(dir.byFingerprint(FP_A)?.roles ?? [])]).toEqual(['Role3']);
  });

  it('a key replaced under the same KV key drops its old certificate', () => {
    put(dir, instance('sender-a', ['Role1']));
    put(dir, certKey('sender-a', 'k1', FP_A));
    put(dir, certKey('sender-a', 'k1', FP_B));
    expect(dir.byFingerprint(FP_A)).toBeUndefined();
    expect(dir.byFingerprint(FP_B)?.name).toBe('sb-sender-a!k1');
    expect(dir.size.keys).toBe(1);
  });

  it('applying the same change twice changes nothing (a watch may replay during start-up)', () => {
    put(dir, instance('sender-a', ['Role1']));
    put(dir, certKey('sender-a', 'k1', FP_A));
    put(dir, certKey('sender-a', 'k1', FP_A));
    put(dir, instance('sender-a', ['Role1']));
    expect(dir.size).toEqual({ instances: 1, keys: 1 });
    expect(dir.byFingerprint(FP_A)?.name).toBe('sb-sender-a!k1');
  });

  describe('fails closed', () => {
    it('a malformed instance value counts as absent and is reported invalid', () => {
      put(dir, instance('sender-a', ['Role1']));
      put(dir, certKey('sender-a', 'k1', FP_A));
      expect(dir.apply(IdentityKv.instance('sender-a'), { name: 'sender-a', parameters: { roles: 'Role1' } })).toBe('invalid');
      expect(dir.byFingerprint(FP_A)).toBeUndefined();
    });

    it('an instance value stored under another name is refused', () => {
      expect(dir.apply(IdentityKv.instance('other'), instance('sender-a', ['Role1']))).toBe('invalid');
      put(dir, certKey('other', 'k1', FP_A));
      expect(dir.byFingerprint(FP_A)).toBeUndefined();
    });

    it('a malformed key value removes the key it replaces', () => {
      put(dir, instance('sender-a', ['Role1']));
      put(dir, certKey('sender-a', 'k1', FP_A));
      expect(dir.apply(IdentityKv.key('sender-a', 'k1'), { clientid: 'x' })).toBe('invalid');
      expect(dir.byFingerprint(FP_A)).toBeUndefined();
      expect(dir.size.keys).toBe(0);
    });

    it('a key value stored under a KV key that does not name it is refused', () => {
      put(dir, instance('sender-a', ['Role1']));
      expect(dir.apply(IdentityKv.key('sender-a', 'elsewhere'), certKey('sender-a', 'k1', FP_A))).toBe('invalid');
      expect(dir.byFingerprint(FP_A)).toBeUndefined();
    });

    it('one certificate held by two keys resolves to nobody until one of them goes', () => {
      put(dir, instance('a', ['Role1']));
      put(dir, instance('b', ['Role2']));
      put(dir, certKey('a', 'k1', FP_A));
      put(dir, certKey('b', 'k1', FP_A));
      expect(dir.byFingerprint(FP_A)).toBeUndefined();
      dir.apply(IdentityKv.key('a', 'k1'), undefined);
      expect(dir.byFingerprint(FP_A)?.name).toBe('sb-b!k1');
    });

    it('an instance changed to two grant types breaks its schema: its keys lose their principal', () => {
      put(dir, instance('odd', ['Role1']));
      put(dir, certKey('odd', 'k1', FP_A));
      expect(dir.byFingerprint(FP_A)?.grantType).toBe('client_x509');
      const twoTypes = { ...instance('odd', []), parameters: { roles: [], 'grant-types': ['client_x509', 'client_credentials'], 'redirect-uris': [] } };
      expect(dir.apply(IdentityKv.instance('odd'), twoTypes)).toBe('invalid');
      expect(dir.byFingerprint(FP_A)).toBeUndefined();
    });
  });

  it('roles and the certificate index are not its business', () => {
    expect(dir.apply(IdentityKv.role('Role1'), { name: 'Role1' })).toBe('ignored');
    expect(dir.apply(IdentityKv.certIndex(FP_A), { instance: 'a', key: 'k1' })).toBe('ignored');
    expect(dir.size).toEqual({ instances: 0, keys: 0 });
  });
});
