import type { DeployedFlow } from '@certgate/contracts';
import { buildFlowIndex } from './flow-index';

function flow(id: string, address: string, deployedAt: string, matchers: DeployedFlow['certificateMatchers'] = []): DeployedFlow {
  return {
    definition: { id, sender: { address, authorization: { type: 'role', role: 'Role1' } }, steps: [{ type: 'respond', status: 200, body: 'hi ${principal}' }] },
    certificateMatchers: matchers,
    deployedAt,
  };
}

describe('buildFlowIndex', () => {
  it('maps each address to its flow with compiled steps', () => {
    const index = buildFlowIndex([flow('a', '/a', '2025-01-01T00:00:00Z'), flow('b', '/b/v2', '2025-01-01T00:00:00Z')]);
    expect([...index.keys()].sort()).toEqual(['/a', '/b/v2']);
    expect(index.get('/a')?.flow.definition.id).toBe('a');
    expect(index.get('/a')?.steps[0]).toMatchObject({ type: 'respond', status: 200 });
  });

  it('knows which flows have DN matchers', () => {
    const index = buildFlowIndex([
      flow('pem', '/pem', '2025-01-01T00:00:00Z', [{ fingerprint: 'f'.repeat(64), subjectDN: 'CN=a', issuerDN: 'CN=b', notAfter: '2030-01-01T00:00:00Z' }]),
      flow('dn', '/dn', '2025-01-01T00:00:00Z', [{ normalizedSubjectDN: 'cn=a', normalizedIssuerDN: 'cn=b', subjectDN: 'CN=a', issuerDN: 'CN=b' }]),
    ]);
    expect(index.get('/pem')?.hasDnMatchers).toBe(false);
    expect(index.get('/dn')?.hasDnMatchers).toBe(true);
  });

  it('two flows on one address: the earlier deployment serves it, whatever the input order, and the conflict is reported', () => {
    const early = flow('early', '/x', '2025-01-01T00:00:00Z');
    const late = flow('late', '/x', '2025-02-01T00:00:00Z');
    const conflicts: unknown[] = [];
    expect(buildFlowIndex([late, early], (c) => conflicts.push(c)).get('/x')?.flow.definition.id).toBe('early');
    expect(buildFlowIndex([early, late]).get('/x')?.flow.definition.id).toBe('early');
    expect(conflicts).toEqual([{ address: '/x', served: 'early', ignored: 'late' }]);
  });
});
