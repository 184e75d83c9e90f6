import type { TestLeaf, TestPki } from '@certgate/testing';
import type { consoleApi } from './clients';

/**
 * The recommended inbound setup in one go, through the console API: the PKI's root
 * trusted, a role, a client_x509 instance holding the role with the sender's certificate
 * as a key, and a flow at `/orders` that asks for the role and answers `ok ${principal}`.
 * Throws naming the step that failed.
 */
export async function setUpRoleSender(api: ReturnType<typeof consoleApi>, pki: TestPki, sender: TestLeaf): Promise<void> {
  const steps = [
    ['PUT', '/ingress/trusted-roots', { certificates: pki.root.certPem }],
    ['POST', '/roles', { name: 'Role1' }],
    ['POST', '/service-instances', { name: 'sender-a', parameters: { roles: ['Role1'], 'grant-types': ['client_x509'], 'redirect-uris': [] } }],
    ['POST', '/service-instances/sender-a/keys', { name: 'k1', type: 'external-certificate', certificate: sender.certPem }],
    [
      'PUT',
      '/flows/orders',
      {
        id: 'orders',
        sender: { address: '/orders', authorization: { type: 'role', role: 'Role1' } },
        steps: [{ type: 'respond', status: 200, body: 'ok ${principal}' }],
      },
    ],
  ] as const;
  for (const [method, path, body] of steps) {
    const res = await api(method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
  }
}
