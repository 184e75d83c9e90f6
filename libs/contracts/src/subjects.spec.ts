import { SERVICE_NAMES } from './services';
import { queueGroup, Subjects, tenantSubject } from './subjects';

describe('subjects', () => {
  it('tenantSubject puts the subject under certgate.<tenant>.', () => {
    expect(tenantSubject('acme', 'identity.principal.resolve.v1')).toBe('certgate.acme.identity.principal.resolve.v1');
    expect(tenantSubject('default', Subjects.healthDiscover)).toBe('certgate.default.health.discover.v1');
  });

  it('tenantSubject keeps hyphens of the tenant (they are valid in a subject token)', () => {
    expect(tenantSubject('acme-eu', 'x.v1')).toBe('certgate.acme-eu.x.v1');
  });

  it.each([['Acme'], ['acme.eu'], ['>'], ['*'], ['']])('tenantSubject refuses tenant %j (no subject injection)', (tenant) => {
    expect(() => tenantSubject(tenant, 'x.v1')).toThrow(/invalid tenant/);
  });

  it.each(SERVICE_NAMES.map((s) => [s]))('health subject of %s is versioned and names the service', (service) => {
    expect(Subjects.health(service)).toBe(`${service}.health.v1`);
    expect(tenantSubject('t1', Subjects.health(service))).toBe(`certgate.t1.${service}.health.v1`);
  });

  it('queue group of a service is certgate-<service>', () => {
    expect(queueGroup('identity')).toBe('certgate-identity');
    expect(queueGroup('flow-runtime')).toBe('certgate-flow-runtime');
  });
});
