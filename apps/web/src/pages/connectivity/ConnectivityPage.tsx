import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  Grid,
  Group,
  List,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconPlugConnected, IconRefresh, IconShieldCheck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useApi } from '../../api/ApiProvider';
import { toApiError } from '../../api/errors';
import { Page } from '../../components/Page';
import { Permitted } from '../../components/Permitted';
import { ApiErrorAlert } from '../../errors/ApiErrorAlert';
import { useFormApiError } from '../../errors/useFormApiError';
import { downloadBlob } from '../../lib/download';
import { shortFingerprint } from '../../lib/format';
import { PeerChainTree } from './PeerChainTree';
import {
  filenameOf,
  isAlias,
  isSelfSigned,
  judgeChain,
  suggestAlias,
  type ConnectivityRequest,
  type ConnectivityResult,
  type KeystoreEntry,
  type PeerCertificate,
} from './chain';
import { CLIENT_CA_ALIAS, ENTRIES } from '../keystore/keystore';

type FormValues = {
  host: string;
  port: number | string;
  serverName: string;
  keyAlias: string | null;
  validateServerCertificate: boolean;
};

/** The form's values as the API's request body (empty optional fields left out). */
function requestOf(v: FormValues): ConnectivityRequest {
  return {
    host: v.host.trim(),
    port: Number(v.port),
    validateServerCertificate: v.validateServerCertificate,
    ...(v.keyAlias && { keyAlias: v.keyAlias }),
    ...(v.serverName.trim() && { serverName: v.serverName.trim() }),
  };
}

/** What an `unreachable` refusal says about the cause (details.cause, details.alert). */
function UnreachableFacts({ error }: { error: unknown }) {
  const err = toApiError(error);
  const facts = (['cause', 'alert'] as const).map((k) => [k, err.details?.[k]] as const).filter(([, v]) => typeof v === 'string' && v);
  if (facts.length === 0) return null;
  return (
    <Group gap="xs" mt={4}>
      {facts.map(([k, v]) => (
        <Text key={k} size="xs">
          {k}: <Code>{String(v)}</Code>
        </Text>
      ))}
    </Group>
  );
}

function Verdict({ validation }: { validation: ConnectivityResult['validation'] }) {
  if (!validation.performed) {
    return (
      <Alert color="gray.7" variant="outline" title="The server certificate was not validated" data-testid="validation" data-valid="not-performed">
        <Text size="sm">
          Turn on “Validate the server certificate” to check the chain against the keystore&apos;s trusted certificates and the server name.
        </Text>
      </Alert>
    );
  }
  const valid = validation.valid === true;
  const yesNo = (v: boolean | null) => (v === null ? 'not known' : v ? 'yes' : 'no');
  return (
    <Alert
      color={valid ? 'teal.9' : 'red.9'}
      variant="outline"
      title={valid ? 'The server certificate is valid' : 'The server certificate is not valid'}
      icon={<IconShieldCheck aria-hidden />}
      data-testid="validation"
      data-valid={String(valid)}
    >
      <Stack gap={4}>
        {validation.message && <Text size="sm">{validation.message}</Text>}
        <Group gap="md">
          {validation.reason && (
            <Text size="xs">
              reason <Code>{validation.reason}</Code>
            </Text>
          )}
          <Text size="xs">chain trusted: {yesNo(validation.chainTrusted)}</Text>
          <Text size="xs">host name matches: {yesNo(validation.hostnameMatches)}</Text>
        </Group>
      </Stack>
    </Alert>
  );
}

function ClientAuthentication({ auth }: { auth: ConnectivityResult['clientAuthentication'] }) {
  const requested = auth.requested === null ? 'not known' : auth.requested ? 'yes' : 'no';
  return (
    <Card withBorder component="section" aria-labelledby="client-auth-title">
      <Title order={2} size="h4" id="client-auth-title" mb="xs">
        Client authentication
      </Title>
      <Stack gap="xs">
        <Text size="sm">
          Client certificate requested: <b>{requested}</b>
        </Text>
        {auth.note && (
          <Text size="sm" c="dimmed">
            {auth.note}
          </Text>
        )}
        {auth.presented && (
          <Text size="sm">
            Presented: key pair <Code>{auth.presented.alias}</Code> ({auth.presented.subjectDN})
          </Text>
        )}
        {auth.acceptedIssuers && (
          <div>
            <Text size="sm" fw={600}>
              CA names the server accepts
            </Text>
            {auth.acceptedIssuers.length === 0 ? (
              <Text size="sm" c="dimmed">
                none named: the server leaves the choice of the certificate to the client
              </Text>
            ) : (
              <List size="sm" aria-label="CA names the server accepts">
                {auth.acceptedIssuers.map((dn) => (
                  <List.Item key={dn}>
                    <Text size="sm" span style={{ overflowWrap: 'anywhere' }}>
                      {dn}
                    </Text>
                  </List.Item>
                ))}
              </List>
            )}
          </div>
        )}
      </Stack>
    </Card>
  );
}

/** "Trust this root": adds the chain's self-signed last certificate to the keystore's trusted certificates. */
function TrustRoot({ root, entries, onTrusted }: { root: PeerCertificate; entries: readonly KeystoreEntry[]; onTrusted: (alias: string) => void }) {
  const { $api } = useApi();
  const queryClient = useQueryClient();
  const add = $api.useMutation('post', '/api/v1/keystore/certificates');
  const suggested = useMemo(
    () =>
      suggestAlias(
        root,
        entries.map((e) => e.alias),
      ),
    [root, entries],
  );
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { alias: suggested },
    validate: { alias: (v) => (isAlias(v.trim()) ? null : 'An alias is 1–64 of A–Z a–z 0–9 _ -') },
  });
  const { error, handle } = useFormApiError(form);

  const submit = form.onSubmit(({ alias }) =>
    add.mutate(
      { body: { alias: alias.trim(), certificate: root.pem } },
      {
        onSuccess: (entry) => {
          notifications.show({ color: 'teal', title: 'Root trusted', message: `${root.subjectDN} as '${entry?.alias ?? alias}'` });
          void queryClient.invalidateQueries({ queryKey: ENTRIES });
          onTrusted(alias.trim());
        },
        onError: handle,
      },
    ),
  );

  return (
    <Card withBorder component="section" aria-labelledby="trust-root-title">
      <Title order={2} size="h4" id="trust-root-title" mb="xs">
        Trust this root
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          <Text size="sm">
            The server&apos;s chain ends in the self-signed root <b>{root.subjectDN}</b> (SHA-256 {shortFingerprint(root.fingerprint)}), which the keystore does
            not trust. <b>Trust this root</b> adds it to the keystore&apos;s trusted certificates under the alias below, as{' '}
            <Code>POST /keystore/certificates</Code> does: from then on flows calling receivers and connectivity tests accept servers whose chain ends in it.
            Check the fingerprint with the server&apos;s administrator first.
          </Text>
          <ApiErrorAlert error={error} title="The root was not trusted" />
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput label="Alias" required maw={320} style={{ flexGrow: 1 }} key={form.key('alias')} {...form.getInputProps('alias')} />
            <Permitted permission="keystore:write">
              <Button type="submit" leftSection={<IconShieldCheck size={16} aria-hidden />} loading={add.isPending}>
                Trust this root
              </Button>
            </Permitted>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function Result({
  result,
  entries,
  trustedAlias,
  onTrusted,
  onTestAgain,
  testing,
}: {
  result: ConnectivityResult;
  entries: readonly KeystoreEntry[];
  trustedAlias: string | undefined;
  onTrusted: (alias: string) => void;
  onTestAgain: () => void;
  testing: boolean;
}) {
  const judged = useMemo(() => judgeChain(result, entries), [result, entries]);
  const last = result.peerChain.at(-1);
  const lastTrusted = judged.at(-1)?.trustedAs;
  const offerTrust = last !== undefined && isSelfSigned(last) && lastTrusted === undefined && trustedAlias === undefined;

  return (
    <Stack gap="md" aria-label="Test result" component="section">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder component="section" aria-labelledby="handshake-title">
          <Title order={2} size="h4" id="handshake-title" mb="xs">
            {result.host}:{result.port}
          </Title>
          <Table variant="vertical" layout="fixed" withTableBorder={false} fz="sm" aria-label="Handshake">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={{ base: 100, sm: 140 }}>Protocol</Table.Th>
                <Table.Td>{result.protocol}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Cipher</Table.Th>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  {result.cipher.standardName ?? result.cipher.name}
                  {result.cipher.standardName && result.cipher.standardName !== result.cipher.name ? ` (${result.cipher.name})` : ''}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Server name</Table.Th>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{result.serverName}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Duration</Table.Th>
                <Table.Td>{result.durationMs} ms</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Card>
        <ClientAuthentication auth={result.clientAuthentication} />
      </SimpleGrid>

      <Verdict validation={result.validation} />

      {trustedAlias !== undefined && (
        <Alert color="teal.9" variant="outline" title={`Trusted as '${trustedAlias}'`}>
          <Group justify="space-between" gap="sm">
            <Text size="sm">The root is now among the keystore&apos;s trusted certificates. Test again to validate the server against it.</Text>
            <Button size="xs" leftSection={<IconRefresh size={14} aria-hidden />} onClick={onTestAgain} loading={testing}>
              Test again with validation
            </Button>
          </Group>
        </Alert>
      )}

      <Card withBorder component="section" aria-labelledby="chain-title">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4" id="chain-title">
            Certificate chain the server sent
          </Title>
          <Badge variant="default" tt="none">
            {result.peerChain.length} {result.peerChain.length === 1 ? 'certificate' : 'certificates'}
          </Badge>
        </Group>
        {judged.length === 0 ? (
          <Text size="sm">The server sent no certificate.</Text>
        ) : (
          <PeerChainTree key={judged.map((j) => j.cert.fingerprint).join()} chain={judged} />
        )}
        {last && !isSelfSigned(last) && (
          <Text size="sm" c="dimmed" mt="xs">
            The server does not send its root CA ({last.issuerDN}). To trust it, add the root&apos;s certificate to the keystore on the Keystore page.
          </Text>
        )}
      </Card>

      {offerTrust && <TrustRoot root={last} entries={entries} onTrusted={onTrusted} />}
    </Stack>
  );
}

/** The TLS connectivity test: a handshake with a receiver, its chain with a verdict per certificate, the CA names it accepts; Download zip; trust its root. */
export default function ConnectivityPage() {
  const { api, $api } = useApi();
  const entries = $api.useQuery(...ENTRIES);
  const test = $api.useMutation('post', '/api/v1/connectivity/tls');
  const [last, setLast] = useState<ConnectivityRequest>();
  const [trustedAlias, setTrustedAlias] = useState<string>();
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>();

  const form = useForm<FormValues>({
    mode: 'uncontrolled',
    initialValues: { host: '', port: 443, serverName: '', keyAlias: null, validateServerCertificate: true },
    validate: {
      host: (v) => (v.trim() ? null : 'The host to connect to'),
      port: (v) => (Number.isInteger(Number(v)) && Number(v) >= 1 && Number(v) <= 65535 ? null : 'A port from 1 to 65535'),
    },
  });
  const { error, handle, clear } = useFormApiError(form);

  // The JSON answer (the zip is fetched apart, never through this mutation).
  const result = typeof test.data === 'object' ? test.data : undefined;
  const keyPairs = (entries.data ?? []).filter((e) => e.kind === 'key-pair' && e.alias !== CLIENT_CA_ALIAS);

  const run = (body: ConnectivityRequest) => {
    clear();
    setDownloadError(undefined);
    setTrustedAlias(undefined);
    setLast(body);
    test.mutate({ body }, { onError: handle });
  };

  const download = form.onSubmit(async (values) => {
    clear();
    setDownloadError(undefined);
    setDownloading(true);
    const body = requestOf(values);
    try {
      const { data, response } = await api.POST('/api/v1/connectivity/tls', { params: { query: { download: 'zip' } }, body, parseAs: 'blob' });
      if (!data) throw new Error('the console answered no zip');
      downloadBlob(data, filenameOf(response.headers.get('content-disposition'), `chain-${body.host}-${body.port}.zip`));
    } catch (err) {
      const e = toApiError(err);
      if (e.field) handle(e);
      else setDownloadError(e);
    } finally {
      setDownloading(false);
    }
  });

  return (
    <Page
      title="Connectivity test"
      description="A TLS handshake with a receiver, as a flow calling it would make: protocol, cipher, the chain the server sends with a verdict per certificate, whether it asks for a client certificate and which CA names it accepts."
    >
      <Card withBorder component="section" aria-label="Test parameters">
        <form onSubmit={form.onSubmit((values) => run(requestOf(values)))} noValidate>
          <Stack gap="sm">
            <ApiErrorAlert error={error} title="The test could not be made">
              <UnreachableFacts error={error} />
            </ApiErrorAlert>
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, sm: 8, md: 5 }}>
                <TextInput label="Host" placeholder="erp.example.com" required autoComplete="off" key={form.key('host')} {...form.getInputProps('host')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4, md: 2 }}>
                <NumberInput label="Port" required min={1} max={65535} allowDecimal={false} key={form.key('port')} {...form.getInputProps('port')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 5 }}>
                <TextInput
                  label="Server name"
                  placeholder="the host"
                  description="Sent as SNI; the certificate must match it"
                  autoComplete="off"
                  key={form.key('serverName')}
                  {...form.getInputProps('serverName')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 7 }}>
                <Select
                  label="Client key pair"
                  placeholder={entries.isLoading ? 'Loading the key pairs…' : 'None'}
                  description="Presented as the client certificate when the server asks for one"
                  data={keyPairs.map((e) => ({ value: e.alias, label: `${e.alias} — ${e.subjectDN}` }))}
                  clearable
                  searchable
                  nothingFoundMessage="No key pair with that alias"
                  key={form.key('keyAlias')}
                  {...form.getInputProps('keyAlias')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 5 }}>
                <Switch
                  mt={{ base: 0, md: 'xl' }}
                  label="Validate the server certificate"
                  description="Against the keystore's trusted certificates and the server name"
                  key={form.key('validateServerCertificate')}
                  {...form.getInputProps('validateServerCertificate', { type: 'checkbox' })}
                />
              </Grid.Col>
            </Grid>
            <ApiErrorAlert error={entries.error} title="Could not read the keystore's key pairs" />
            <Group gap="sm">
              <Button type="submit" leftSection={<IconPlugConnected size={16} aria-hidden />} loading={test.isPending}>
                Run test
              </Button>
              <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} loading={downloading} onClick={() => download()}>
                Download zip
              </Button>
            </Group>
            <ApiErrorAlert error={downloadError} title="The chain was not downloaded" onClose={() => setDownloadError(undefined)}>
              <UnreachableFacts error={downloadError} />
            </ApiErrorAlert>
          </Stack>
        </form>
      </Card>

      {result && !test.isPending && (
        <Result
          result={result}
          entries={entries.data ?? []}
          trustedAlias={trustedAlias}
          onTrusted={setTrustedAlias}
          onTestAgain={() => {
            if (!last) return;
            form.setFieldValue('validateServerCertificate', true);
            run({ ...last, validateServerCertificate: true });
          }}
          testing={test.isPending}
        />
      )}
    </Page>
  );
}
