import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, HEALTH, mockApi, renderApp } from '../../test/render';

const cert = (n: number, status: 'valid' | 'expiring' | 'expired', daysLeft: number) => ({
  source: 'keystore',
  ref: `alias-${n}`,
  subjectDN: `CN=cert-${n}`,
  issuerDN: 'CN=CA',
  subjectCN: `cert-${n}`,
  serial: `0${n}`,
  fingerprint: `${n}`.padStart(64, 'a'),
  notBefore: '2025-01-01T00:00:00.000Z',
  notAfter: '2026-02-01T00:00:00.000Z',
  status,
  daysLeft,
  muted: false,
});

const replica = {
  service: 'flow-runtime',
  status: 'up',
  version: '0.1.0',
  startedAt: '2026-01-10T11:00:00.000Z',
  uptimeSeconds: 3600,
  checks: { nats: { status: 'up' } },
};
const degraded = {
  ...HEALTH,
  status: 'degraded',
  services: {
    ...HEALTH.services,
    'flow-runtime': {
      status: 'degraded',
      replicas: [
        { ...replica, nodeId: 'flow-runtime-1' },
        {
          ...replica,
          nodeId: 'flow-runtime-2',
          status: 'degraded',
          checks: { nats: { status: 'up' }, flows: { status: 'down', message: 'watch lost' } },
        },
      ],
    },
  },
};

describe('the overview page', () => {
  it('shows every replica of every service with its checks, the counts, certificates expiring soon and the last alerts', async () => {
    const { fetch } = mockApi({
      'GET /api/v1/health': degraded,
      'GET /api/v1/certificates': [cert(1, 'expired', -3), cert(2, 'expiring', 10), cert(3, 'valid', 300)],
      'GET /api/v1/alerts': [
        {
          id: 'a1',
          type: 'expiring',
          source: 'keystore',
          ref: 'alias-2',
          subjectDN: 'CN=cert-2',
          issuerDN: 'CN=CA',
          serial: '02',
          fingerprint: 'b'.repeat(64),
          notAfter: '2026-02-01T00:00:00.000Z',
          daysLeft: 10,
          threshold: 14,
          raisedAt: '2026-01-10T08:00:00.000Z',
        },
      ],
      'GET /api/v1/ingress/trusted-roots': [{}, {}],
      'GET /api/v1/roles': [{}, {}, {}],
      'GET /api/v1/service-instances': [{}],
      'GET /api/v1/flows': [],
    });
    renderApp('/', { fetch });
    expect(await screen.findByRole('heading', { name: 'Overview' })).toBeInTheDocument();
    const runtime = await screen.findByRole('region', { name: 'Service flow-runtime' });
    expect(within(runtime).getByText('2 replicas')).toBeInTheDocument();
    expect(within(runtime).getByText('flow-runtime-2')).toBeInTheDocument();
    expect(within(runtime).getByText('flows: down (watch lost)')).toBeInTheDocument();
    for (const service of ['identity', 'keystore', 'ingress', 'console'])
      expect(screen.getByRole('region', { name: `Service ${service}` })).toBeInTheDocument();

    expect(await screen.findByLabelText('Replicas: 6')).toBeInTheDocument();
    expect(await screen.findByLabelText('Trusted roots: 2')).toBeInTheDocument();
    expect(await screen.findByLabelText('Roles: 3')).toBeInTheDocument();
    expect(await screen.findByLabelText('Service instances: 1')).toBeInTheDocument();
    expect(await screen.findByLabelText('Flows: 0')).toBeInTheDocument();
    expect(await screen.findByText('1 expiring, 1 expired')).toBeInTheDocument();

    const soon = await screen.findByRole('table', { name: 'Certificates expiring soon' });
    expect(within(soon).getByText('cert-1')).toBeInTheDocument();
    expect(within(soon).getByText('cert-2')).toBeInTheDocument();
    expect(within(soon).queryByText('cert-3')).toBeNull();
    expect(
      within(soon)
        .getByText(/expired/)
        .closest('[data-validity]'),
    ).toHaveAttribute('data-validity', 'expired');

    const alerts = await screen.findByRole('table', { name: 'Last alerts' });
    expect(within(alerts).getByText('CN=cert-2')).toBeInTheDocument();
    expect(within(alerts).getByText('14 d')).toBeInTheDocument();
  });

  it('shows a failed health call with its code where the services would be', async () => {
    const { fetch } = mockApi({
      'GET /api/v1/health': apiError(503, 'service_unavailable', 'NATS connection closed'),
      'GET /api/v1/certificates': [],
      'GET /api/v1/alerts': [],
      'GET /api/v1/ingress/trusted-roots': [],
      'GET /api/v1/roles': [],
      'GET /api/v1/service-instances': [],
      'GET /api/v1/flows': [],
    });
    renderApp('/', { fetch });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not read the health of the services');
    expect(alert).toHaveTextContent('NATS connection closed');
    expect(alert).toHaveTextContent('service_unavailable');
  });
});
