import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Loader,
  Modal,
  SegmentedControl,
  Stack,
  Tabs,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck, IconCode, IconCopy, IconEdit, IconPlus, IconRocket } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useApi } from '../../api/ApiProvider';
import { ApiError, toApiError } from '../../api/errors';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { DialogActions } from '../../components/DialogActions';
import { ListTable } from '../../components/ListTable';
import { Page } from '../../components/Page';
import { RowDeleteButton } from '../../components/RowDeleteButton';
import { Permitted } from '../../components/Permitted';
import { ApiErrorAlert } from '../../errors/ApiErrorAlert';
import { formPathOf, useFormApiError } from '../../errors/useFormApiError';
import { moment } from '../../lib/format';
import {
  emptyFlow,
  fromDefinition,
  locateField,
  parseHeaders,
  parseText,
  toDefinition,
  toText,
  type FlowDefinition,
  type FlowValues,
  type FlowView,
  type Format,
  type TextProblem,
} from './flow-model';
import { FlowForm } from './FlowForm';

// CodeMirror is loaded when the editor is first opened: a chunk of its own.
const FlowEditor = lazy(() => import('./FlowEditor'));

const FLOWS = ['get', '/api/v1/flows'] as const;
const KEYS_PREFIX = ['get', '/api/v1/service-instances/{name}/keys'] as const;

/**
 * Where senders call flows: `<base>/http`, the `url` of a service key view (the API has no
 * other source of CERTGATE_PUBLIC_URL). The keys of the first instances are read until
 * one has a key; undefined while there is none.
 */
function useIngressUrl(): { url: string | undefined; loading: boolean } {
  const { api, $api } = useApi();
  const instances = $api.useQuery('get', '/api/v1/service-instances');
  const names = (instances.data ?? []).slice(0, 20).map((i) => i.name);
  const first = useQuery({
    queryKey: [...KEYS_PREFIX, 'ingress-url', names],
    enabled: instances.isSuccess,
    queryFn: async () => {
      for (const name of names) {
        const { data } = await api.GET('/api/v1/service-instances/{name}/keys', { params: { path: { name } } });
        const url = data?.[0]?.url;
        if (url) return url;
      }
      return null;
    },
  });
  return { url: first.data ?? undefined, loading: instances.isLoading || first.isLoading };
}

function Endpoint({ base, address }: { base: string | undefined; address: string }) {
  const url = base ? `${base}${address}` : `/http${address}`;
  return (
    <Group gap={4} wrap="nowrap">
      <Text size="xs" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
        {url}
      </Text>
      {base && (
        <CopyButton value={url}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? 'Copied' : 'Copy the endpoint URL'}>
              <ActionIcon variant="subtle" size="sm" aria-label={`Copy the endpoint URL ${url}`} onClick={copy}>
                {copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      )}
    </Group>
  );
}

function Authorization({ flow }: { flow: FlowView }) {
  const a = flow.definition.sender.authorization;
  if (a.type === 'role')
    return (
      <Badge variant="default" tt="none">
        role {a.role}
      </Badge>
    );
  const subjects = flow.certificateMatchers.map((m) => m.subjectDN);
  return (
    <Stack gap={2}>
      <Badge variant="default" tt="none">
        {a.certificates.length} {a.certificates.length === 1 ? 'certificate' : 'certificates'}
      </Badge>
      {subjects.map((s, i) => (
        <Text key={`${s}-${i}`} size="xs">
          {s}
        </Text>
      ))}
    </Stack>
  );
}

function Receiver({ flow }: { flow: FlowView }) {
  const r = flow.definition.receiver;
  if (!r)
    return (
      <Text size="sm" c="dimmed">
        none
      </Text>
    );
  const auth = r.authentication.type === 'none' ? 'no client certificate' : `client certificate: ${r.authentication.privateKeyAlias ?? 'the system key pair'}`;
  return (
    <Stack gap={2}>
      <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
        {r.url}
      </Text>
      <Text size="xs">{auth}</Text>
    </Stack>
  );
}

const stepsSummary = (f: FlowView) =>
  f.definition.steps.map((s) => (s.type === 'respond' ? `respond ${s.status}` : s.type === 'set-header' ? `set-header ${s.name}` : 'echo')).join(' → ') ||
  'no step';

/** Form paths with an input (or an entry error) of their own; an error elsewhere goes above the form. */
const SHOWN_IN_FORM = [
  /^id$/,
  /^sender\.address$/,
  /^sender\.authorization\.(type|role)$/,
  /^sender\.authorization\.certificates(\.\d+(\.(subjectDN|issuerDN))?)?$/,
  /^steps(\.\d+(\.(type|status|body|headers|name|value))?)?$/,
  /^receiver(\.url|\.authentication\.(type|privateKeyAlias))?$/,
];

/** The API's field as the form's path: a header of a step → its Headers field, a certificate's pem → its entry. */
function atFormField(err: unknown): ApiError {
  const e = toApiError(err);
  if (e.field === undefined) return e;
  const path = formPathOf(e.field)
    .replace(/^(steps\.\d+\.headers)\..+$/, '$1')
    .replace(/^(sender\.authorization\.certificates\.\d+)\.pem$/, '$1');
  const shown = SHOWN_IN_FORM.some((r) => r.test(path));
  const { field: _field, ...rest } = e.details ?? {};
  return new ApiError(e.status, e.code, e.message, shown ? { ...rest, field: path } : rest);
}

type Mode = 'form' | 'editor';

/** Deploys a flow (PUT /flows/{id}) from the form or from YAML/JSON text; an error is shown at its field or line. */
function DeployFlow({ flow, initialMode, onDone }: { flow: FlowView | undefined; initialMode: Mode; onDone: () => void }) {
  const { $api } = useApi();
  const queryClient = useQueryClient();
  const roles = $api.useQuery('get', '/api/v1/roles');
  const entries = $api.useQuery('get', '/api/v1/keystore/entries');
  const put = $api.useMutation('put', '/api/v1/flows/{id}');
  const initial = useMemo(() => (flow ? fromDefinition(flow.definition) : emptyFlow()), [flow]);
  const form = useForm<FlowValues>({
    mode: 'controlled',
    initialValues: initial,
    validate: {
      id: (v) => (v.trim() ? null : 'A flow needs an id'),
      sender: {
        address: (v) => (v.trim().startsWith('/') ? null : 'An address is a path such as /orders'),
        authorization: {
          role: (v, values) => (values.sender.authorization.type !== 'role' || v ? null : 'Pick the role a sender must hold'),
          certificates: (v, values) =>
            values.sender.authorization.type !== 'client-certificate' || v.length ? null : 'Drop at least one certificate or add a DN pair',
        },
      },
      steps: {
        headers: (v) => parseHeaders(v).error ?? null,
      },
      receiver: { url: (v, values) => (!values.receiver.enabled || v.trim() ? null : 'The receiver needs a URL') },
    },
  });
  const { error, handle, clear } = useFormApiError(form);
  const [mode, setMode] = useState<Mode>(initialMode);
  const [format, setFormat] = useState<Format>('yaml');
  const [text, setText] = useState(() => (initialMode === 'editor' ? toText(flow ? flow.definition : toDefinition(initial), 'yaml') : ''));
  const [apiProblem, setApiProblem] = useState<TextProblem>();
  const [editorError, setEditorError] = useState<ApiError>();
  const [switchError, setSwitchError] = useState<string>();
  const parsed = useMemo(() => (mode === 'editor' ? parseText(text, format) : undefined), [mode, text, format]);
  const problems = useMemo(() => [...(parsed?.problem ? [parsed.problem] : []), ...(apiProblem ? [apiProblem] : [])], [parsed, apiProblem]);

  const editText = (next: string) => {
    setText(next);
    setApiProblem(undefined);
    setSwitchError(undefined);
  };

  const switchTo = (next: Mode) => {
    setSwitchError(undefined);
    if (next === mode) return;
    if (next === 'editor') {
      setText(toText(toDefinition(form.values), format));
      setApiProblem(undefined);
      setEditorError(undefined);
      setMode('editor');
      return;
    }
    if (parsed?.problem) {
      setSwitchError(`Fix line ${parsed.problem.line} first: ${parsed.problem.message}`);
      return;
    }
    try {
      form.setValues(fromDefinition(parsed?.value as FlowDefinition));
      form.clearErrors();
      setMode('form');
    } catch {
      setSwitchError('The form cannot show this definition (it needs id, sender.address and sender.authorization): edit it here, or deploy it as it is.');
    }
  };

  const switchFormat = (next: Format) => {
    if (next === format) return;
    const now = parseText(text, format);
    if (now.problem) {
      setSwitchError(`Fix line ${now.problem.line} first: ${now.problem.message}`);
      return;
    }
    setSwitchError(undefined);
    setApiProblem(undefined);
    setText(toText(now.value, next));
    setFormat(next);
  };

  const deployed = (saved: FlowView | undefined, id: string) => {
    notifications.show({
      color: 'teal',
      title: flow ? 'Flow redeployed' : 'Flow deployed',
      message: `${id} at ${saved?.definition.sender.address ?? ''}${saved?.revision !== undefined ? ` (revision ${saved.revision})` : ''}`,
    });
    void queryClient.invalidateQueries({ queryKey: FLOWS });
    onDone();
  };

  const deployForm = form.onSubmit((values) => {
    clear();
    const definition = toDefinition(values);
    const id = flow?.definition.id ?? definition.id;
    put.mutate({ params: { path: { id } }, body: definition }, { onSuccess: (saved) => deployed(saved, id), onError: (err) => handle(atFormField(err)) });
  });

  const deployText = () => {
    setEditorError(undefined);
    setApiProblem(undefined);
    if (!parsed || parsed.problem) return;
    const definition = parsed.value as FlowDefinition;
    const id = flow?.definition.id ?? (typeof definition.id === 'string' ? definition.id.trim() : '');
    if (!id) {
      setApiProblem(locateField(text, 'id', 'The definition needs an id (letters, digits, _ and -)'));
      return;
    }
    put.mutate(
      { params: { path: { id } }, body: definition },
      {
        onSuccess: (saved) => deployed(saved, id),
        onError: (err) => {
          const e = toApiError(err);
          setEditorError(e);
          if (e.field !== undefined) setApiProblem(locateField(text, e.field, `${e.message} (${e.code})`));
        },
      },
    );
  };

  const roleNames = (roles.data ?? []).map((r) => r.name);
  const keyPairs = (entries.data ?? [])
    .filter((e) => e.kind === 'key-pair')
    .map((e) => ({ value: e.alias, label: e.owner === 'system' ? `${e.alias} (system key pair)` : e.alias }));

  return (
    <Stack>
      <Tabs value={mode} onChange={(v) => v && switchTo(v as Mode)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="form" leftSection={<IconEdit size={16} aria-hidden />}>
            Form
          </Tabs.Tab>
          <Tabs.Tab value="editor" leftSection={<IconCode size={16} aria-hidden />}>
            YAML / JSON
          </Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {switchError && (
        <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />} title="Not switched">
          {switchError}
        </Alert>
      )}
      {mode === 'form' ? (
        <form onSubmit={deployForm} noValidate aria-label="Flow definition form">
          <Stack>
            <ApiErrorAlert error={error} title="The flow was not deployed" onClose={clear} />
            <ApiErrorAlert error={roles.error} title="Could not read the roles" />
            <ApiErrorAlert error={entries.error} title="Could not read the keystore's key pairs" />
            <FlowForm form={form} editing={Boolean(flow)} roles={roleNames} keyPairs={keyPairs} />
            <DialogActions onCancel={onDone} label="Deploy" icon={<IconRocket size={16} aria-hidden />} pending={put.isPending} />
          </Stack>
        </form>
      ) : (
        <Stack gap="sm">
          <Group justify="space-between" wrap="wrap">
            <SegmentedControl
              aria-label="Editor language"
              value={format}
              onChange={(v) => switchFormat(v as Format)}
              data={[
                { value: 'yaml', label: 'YAML' },
                { value: 'json', label: 'JSON' },
              ]}
            />
            <Text size="xs" c="dimmed">
              The definition of docs/api.md: id, sender (address, authorization), steps, receiver.
            </Text>
          </Group>
          <Suspense fallback={<Loader size="sm" aria-label="Loading the editor" />}>
            <FlowEditor value={text} onChange={editText} format={format} problems={problems} label={`Flow definition (${format.toUpperCase()})`} />
          </Suspense>
          {parsed?.problem && (
            <Alert
              color="red"
              variant="light"
              role="alert"
              icon={<IconAlertTriangle aria-hidden />}
              title={`Line ${parsed.problem.line}, column ${parsed.problem.column}`}
            >
              {parsed.problem.message}
            </Alert>
          )}
          {!editorError && apiProblem && (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />} title={`Line ${apiProblem.line}`}>
              {apiProblem.message}
            </Alert>
          )}
          <ApiErrorAlert error={editorError} title="The flow was not deployed" onClose={() => setEditorError(undefined)}>
            {apiProblem && editorError?.field !== undefined && (
              <Text size="sm" mt={4} data-line={apiProblem.line}>
                At line {apiProblem.line} of the definition (<Code>{editorError.field}</Code>), marked in the editor.
              </Text>
            )}
          </ApiErrorAlert>
          <DialogActions
            onCancel={onDone}
            label="Deploy"
            icon={<IconRocket size={16} aria-hidden />}
            pending={put.isPending}
            disabled={Boolean(parsed?.problem)}
            onClick={deployText}
          />
        </Stack>
      )}
    </Stack>
  );
}

/** A flow as a table row: its id and address at the top, so the columns sort by them. */
type Row = FlowView & { id: string; address: string };

interface Target {
  flow?: FlowView;
  mode: Mode;
}

/** The deployed flows with their endpoint URL, sender authorization and receiver: deploy or edit (form or YAML/JSON), undeploy. */
export default function FlowsPage() {
  const { $api } = useApi();
  const queryClient = useQueryClient();
  const flows = $api.useQuery(...FLOWS);
  const ingress = useIngressUrl();
  const remove = $api.useMutation('delete', '/api/v1/flows/{id}');
  const [target, setTarget] = useState<Target>();
  const [toUndeploy, setToUndeploy] = useState<FlowView>();
  const phone = useMediaQuery('(max-width: 48em)');

  const rows = useMemo(() => flows.data?.map((f): Row => ({ ...f, id: f.definition.id, address: f.definition.sender.address })), [flows.data]);

  const columns = [
    {
      accessor: 'id' as const,
      title: 'Flow',
      sortable: true,
      noWrap: true,
      render: (f: FlowView) => (
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {f.definition.id}
          </Text>
          <Text size="xs" c="dimmed">
            {stepsSummary(f)}
          </Text>
          <Text size="xs" c="dimmed">
            deployed {moment(f.deployedAt)}
            {f.revision !== undefined && ` · revision ${f.revision}`}
          </Text>
        </Stack>
      ),
    },
    {
      accessor: 'address' as const,
      title: 'Endpoint URL',
      sortable: true,
      render: (f: FlowView) => <Endpoint base={ingress.url} address={f.definition.sender.address} />,
    },
    { accessor: 'authorization', title: 'Sender authorization', render: (f: FlowView) => <Authorization flow={f} /> },
    { accessor: 'receiver', title: 'Receiver', render: (f: FlowView) => <Receiver flow={f} /> },
    {
      accessor: 'actions',
      title: <VisuallyHidden>Actions</VisuallyHidden>,
      textAlign: 'right' as const,
      noWrap: true,
      render: (f: FlowView) => (
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          <Permitted permission="flows:write">
            <Button
              size="xs"
              variant="default"
              leftSection={<IconEdit size={14} aria-hidden />}
              aria-label={`Edit flow ${f.definition.id}`}
              onClick={() => setTarget({ flow: f, mode: 'form' })}
            >
              Edit
            </Button>
          </Permitted>
          <Permitted permission="flows:write">
            <Button
              size="xs"
              variant="default"
              leftSection={<IconCode size={14} aria-hidden />}
              aria-label={`Edit flow ${f.definition.id} as YAML`}
              onClick={() => setTarget({ flow: f, mode: 'editor' })}
            >
              YAML
            </Button>
          </Permitted>
          <Permitted permission="flows:write">
            <RowDeleteButton
              aria-label={`Undeploy flow ${f.definition.id}`}
              onClick={() => {
                remove.reset();
                setToUndeploy(f);
              }}
            >
              Undeploy
            </RowDeleteButton>
          </Permitted>
        </Group>
      ),
    },
  ];

  return (
    <Page
      title="Flows"
      description={
        <>
          Each flow answers senders at its address: <Code>{ingress.url ?? '<ingress>/http'}</Code> + the address. Its sender authorization says who may call (a
          role, or listed certificates); the steps answer, or a receiver gets the message.
          {!ingress.url && !ingress.loading && ' The ingress URL shows once a service key exists (it is the url of a key).'}
        </>
      }
      writePermission="flows:write"
      actions={
        <>
          <Permitted permission="flows:write">
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setTarget({ mode: 'form' })}>
              Deploy flow
            </Button>
          </Permitted>
          <Permitted permission="flows:write">
            <Button variant="default" leftSection={<IconCode size={16} aria-hidden />} onClick={() => setTarget({ mode: 'editor' })}>
              Deploy from YAML
            </Button>
          </Permitted>
        </>
      }
    >
      <ApiErrorAlert error={flows.error} title="Could not read the flows" />
      <ListTable<Row>
        label="Flows"
        records={rows}
        fetching={flows.isLoading}
        columns={columns}
        idAccessor="id"
        sortBy="deployedAt"
        sortDirection="desc"
        searchText={(f) =>
          `${f.definition.id} ${f.definition.sender.address} ${f.definition.sender.authorization.type === 'role' ? f.definition.sender.authorization.role : ''} ${f.definition.receiver?.url ?? ''}`
        }
        noRecordsText="No flow deployed yet"
      />

      <Modal
        opened={target !== undefined}
        onClose={() => setTarget(undefined)}
        title={target?.flow ? `Edit flow ${target.flow.definition.id}` : 'Deploy a flow'}
        size="xl"
        fullScreen={phone}
        closeOnClickOutside={false}
      >
        {target && <DeployFlow flow={target.flow} initialMode={target.mode} onDone={() => setTarget(undefined)} />}
      </Modal>

      <Modal opened={toUndeploy !== undefined} onClose={() => setToUndeploy(undefined)} title={`Undeploy flow ${toUndeploy?.definition.id ?? ''}?`} centered>
        {toUndeploy && (
          <ConfirmDelete
            explanation={
              <Text size="sm">
                Senders calling <Code>{toUndeploy.definition.sender.address}</Code> get 404 from every runtime replica within a second.
              </Text>
            }
            error={remove.error}
            errorTitle="The flow was not undeployed"
            confirmLabel="Undeploy"
            pending={remove.isPending}
            onCancel={() => setToUndeploy(undefined)}
            onConfirm={() =>
              remove.mutate(
                { params: { path: { id: toUndeploy.definition.id } } },
                {
                  onSuccess: () => {
                    notifications.show({ color: 'teal', title: 'Flow undeployed', message: toUndeploy.definition.id });
                    setToUndeploy(undefined);
                    void queryClient.invalidateQueries({ queryKey: FLOWS });
                  },
                },
              )
            }
          />
        )}
      </Modal>
    </Page>
  );
}
