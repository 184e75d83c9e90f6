import { Anchor, Badge, Card, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { paths } from '../../api/schema';
import { useApi } from '../../api/ApiProvider';
import { useAuth } from '../../auth/AuthProvider';
import { ListTable } from '../../components/ListTable';
import { Page } from '../../components/Page';
import { AlertTypeBadge } from '../../components/AlertTypeBadge';
import { ValidityBadge } from '../../components/ValidityBadge';
import { ApiErrorAlert } from '../../errors/ApiErrorAlert';
import { day, duration, moment } from '../../lib/format';

type Health = paths['/api/v1/health']['get']['responses'][200]['content']['application/json'];
type ServiceHealth = NonNullable<Health['services'][keyof Health['services']]>;
type Certificate = paths['/api/v1/certificates']['get']['responses'][200]['content']['application/json'][number];
type Alert = paths['/api/v1/alerts']['get']['responses'][200]['content']['application/json'][number];

const STATUS_COLOR: Record<string, string> = { up: 'teal.9', degraded: 'yellow.5', down: 'red.9' };

function StatusBadge({ status }: { status: string }) {
  return (
    <Badge color={STATUS_COLOR[status] ?? 'gray.7'} variant="filled">
      {status}
    </Badge>
  );
}

function ServiceCard({ name, health }: { name: string; health: ServiceHealth }) {
  return (
    <Card withBorder padding="md" component="section" aria-label={`Service ${name}`}>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4">
          {name}
        </Title>
        <StatusBadge status={health.status} />
      </Group>
      <Text size="sm" c="dimmed" mb="xs">
        {health.replicas.length} {health.replicas.length === 1 ? 'replica' : 'replicas'}
      </Text>
      <Stack gap="xs">
        {health.replicas.map((r) => (
          <Paper key={r.nodeId} withBorder p="xs" radius="sm">
            <Group justify="space-between" gap="xs">
              <Text size="sm" fw={600} ff="monospace">
                {r.nodeId}
              </Text>
              <StatusBadge status={r.status} />
            </Group>
            <Text size="xs" c="dimmed">
              version {r.version} · up {duration(r.uptimeSeconds)}
            </Text>
            <Group gap={4} mt={4}>
              {Object.entries(r.checks).map(([check, result]) => (
                <Badge key={check} size="sm" variant={result.status === 'up' ? 'default' : 'filled'} color="red.9" tt="none">
                  {check}: {result.status}
                  {result.status !== 'up' && result.message ? ` (${result.message})` : ''}
                </Badge>
              ))}
            </Group>
          </Paper>
        ))}
      </Stack>
    </Card>
  );
}

function Count({ label, value, to, detail }: { label: string; value: number | undefined; to?: string; detail?: string }) {
  return (
    <Paper withBorder p="md" radius="sm">
      {to ? (
        <Anchor component={Link} to={to} size="sm" fw={600}>
          {label}
        </Anchor>
      ) : (
        <Text size="sm" fw={600}>
          {label}
        </Text>
      )}
      <Text size="xl" fw={700} aria-label={`${label}: ${value ?? 'loading'}`}>
        {value ?? '…'}
      </Text>
      {detail && (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      )}
    </Paper>
  );
}

const certificateColumns = [
  {
    accessor: 'subjectDN' as const,
    title: 'Subject',
    sortable: true,
    render: (c: Certificate) => (
      <Text size="sm" style={{ wordBreak: 'break-word' }}>
        {c.subjectCN ?? c.subjectDN}
      </Text>
    ),
  },
  { accessor: 'source' as const, title: 'Source', sortable: true, render: (c: Certificate) => `${c.source} · ${c.ref}` },
  { accessor: 'notAfter' as const, title: 'Expires', sortable: true, noWrap: true, render: (c: Certificate) => day(c.notAfter) },
  {
    accessor: 'daysLeft' as const,
    title: 'Status',
    sortable: true,
    noWrap: true,
    render: (c: Certificate) => <ValidityBadge validity={c.status} days={c.daysLeft} />,
  },
];

const alertColumns = [
  { accessor: 'raisedAt' as const, title: 'Raised', sortable: true, noWrap: true, render: (a: Alert) => moment(a.raisedAt) },
  { accessor: 'type' as const, title: 'Type', sortable: true, noWrap: true, render: (a: Alert) => <AlertTypeBadge alert={a} /> },
  { accessor: 'subjectDN' as const, title: 'Certificate', render: (a: Alert) => <Text size="sm">{a.subjectDN}</Text> },
  { accessor: 'source' as const, title: 'Source', sortable: true, render: (a: Alert) => `${a.source} · ${a.ref}` },
  { accessor: 'threshold' as const, title: 'Threshold', sortable: true, render: (a: Alert) => `${a.threshold} d` },
];

/** Every replica of every service and its health, counts, certificates expiring soon, the last alerts. */
export default function OverviewPage() {
  const { $api } = useApi();
  // Only what the operator may read (an auditor sees the services alone): the rest would be 403s.
  const { can } = useAuth();
  const health = $api.useQuery('get', '/api/v1/health', undefined, { refetchInterval: 15_000 });
  const certificates = $api.useQuery('get', '/api/v1/certificates', { params: { query: { sort: 'expiry' } } }, { enabled: can('certificates:read') });
  const alerts = $api.useQuery('get', '/api/v1/alerts', { params: { query: { limit: 20 } } }, { enabled: can('alerts:read') });
  const roots = $api.useQuery('get', '/api/v1/ingress/trusted-roots', undefined, { enabled: can('trusted-roots:read') });
  const roles = $api.useQuery('get', '/api/v1/roles', undefined, { enabled: can('roles:read') });
  const instances = $api.useQuery('get', '/api/v1/service-instances', undefined, { enabled: can('service-instances:read') });
  const flows = $api.useQuery('get', '/api/v1/flows', undefined, { enabled: can('flows:read') });

  const services = Object.entries(health.data?.services ?? {}) as [string, ServiceHealth][];
  const replicas = services.flatMap(([, s]) => s.replicas);
  const soon = (certificates.data ?? []).filter((c) => c.status !== 'valid');
  const expired = soon.filter((c) => c.status === 'expired').length;
  const lastAlerts = [...(alerts.data ?? [])].reverse();

  return (
    <Page title="Overview" description="The health of every replica of every service, what is configured, and what needs attention soon.">
      <section aria-labelledby="health-title">
        <Group justify="space-between" mb="sm">
          <Group gap="sm">
            <Title order={2} size="h3" id="health-title">
              Services
            </Title>
            {health.data && <StatusBadge status={health.data.status} />}
          </Group>
          {health.data && (
            <Text size="xs" c="dimmed">
              checked {moment(health.data.checkedAt)}
            </Text>
          )}
        </Group>
        <ApiErrorAlert error={health.error} title="Could not read the health of the services" />
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {services.map(([name, s]) => (
            <ServiceCard key={name} name={name} health={s} />
          ))}
        </SimpleGrid>
      </section>

      <section aria-labelledby="counts-title">
        <Title order={2} size="h3" id="counts-title" mb="sm">
          Counts
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
          <Count label="Replicas" value={health.data ? replicas.length : undefined} detail={`${replicas.filter((r) => r.status === 'up').length} up`} />
          {can('trusted-roots:read') && <Count label="Trusted roots" value={roots.data?.length} to="/trusted-roots" />}
          {can('roles:read') && <Count label="Roles" value={roles.data?.length} to="/roles" />}
          {can('service-instances:read') && <Count label="Service instances" value={instances.data?.length} to="/service-instances" />}
          {can('flows:read') && <Count label="Flows" value={flows.data?.length} to="/flows" />}
          {can('certificates:read') && (
            <Count
              label="Certificates"
              value={certificates.data?.length}
              to="/certificates"
              detail={certificates.data ? `${soon.length - expired} expiring, ${expired} expired` : undefined}
            />
          )}
        </SimpleGrid>
        {[roots, roles, instances, flows].map((q, i) => (
          <ApiErrorAlert key={i} error={q.error} title="Could not count everything" />
        ))}
      </section>

      {can('certificates:read') && (
        <section aria-labelledby="expiring-title">
          <Title order={2} size="h3" id="expiring-title" mb="sm">
            Certificates expiring soon
          </Title>
          <ApiErrorAlert error={certificates.error} title="Could not read the certificate inventory" />
          <ListTable<Certificate>
            label="Certificates expiring soon"
            records={certificates.data ? soon : undefined}
            fetching={certificates.isLoading}
            columns={certificateColumns}
            idAccessor={(c) => `${c.source}/${c.ref}/${c.fingerprint}`}
            sortBy="daysLeft"
            pageSize={25}
            noRecordsText="No certificate expires soon"
          />
        </section>
      )}

      {can('alerts:read') && (
        <section aria-labelledby="alerts-title">
          <Title order={2} size="h3" id="alerts-title" mb="sm">
            Last alerts
          </Title>
          <ApiErrorAlert error={alerts.error} title="Could not read the alerts" />
          <ListTable<Alert>
            label="Last alerts"
            records={alerts.data ? lastAlerts : undefined}
            fetching={alerts.isLoading}
            columns={alertColumns}
            idAccessor="id"
            sortBy="raisedAt"
            sortDirection="desc"
            noRecordsText="No alert has been raised"
          />
        </section>
      )}
    </Page>
  );
}
