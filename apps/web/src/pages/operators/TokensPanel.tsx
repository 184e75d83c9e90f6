import { Badge, Button, Code, Group, Modal, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../api/ApiProvider';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { ListTable } from '../../components/ListTable';
import { Permitted } from '../../components/Permitted';
import { RowDeleteButton } from '../../components/RowDeleteButton';
import { ApiErrorAlert } from '../../errors/ApiErrorAlert';
import { moment } from '../../lib/format';
import { CreateToken } from './CreateToken';
import { TokenShownOnce } from './TokenShownOnce';
import { tokenState, TOKENS, type ApiToken, type CreatedToken, type Operator } from './types';

const STATE_LOOK = {
  active: { color: 'teal.9', label: 'active' },
  expired: { color: 'red.9', label: 'expired' },
  revoked: { color: 'gray.7', label: 'revoked' },
};

/** An operator's API tokens (never their secrets): created, expires, last used, revoked; create one (shown once), revoke one. */
export function TokensPanel({ operator }: { operator: Operator }) {
  const { $api } = useApi();
  const queryClient = useQueryClient();
  const tokens = $api.useQuery(...TOKENS, { params: { path: { name: operator.name } } });
  const revoke = $api.useMutation('post', '/api/v1/api-tokens/{id}/revoke');
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedToken>();
  const [toRevoke, setToRevoke] = useState<ApiToken>();

  const columns = [
    {
      accessor: 'id' as const,
      title: 'Token',
      noWrap: true,
      render: (t: ApiToken) => (
        <Stack gap={0}>
          <Code>{t.id}</Code>
          {t.description && <Text size="xs">{t.description}</Text>}
        </Stack>
      ),
    },
    { accessor: 'createdAt' as const, title: 'Created', sortable: true, noWrap: true, render: (t: ApiToken) => moment(t.createdAt) },
    { accessor: 'expiresAt' as const, title: 'Expires', sortable: true, noWrap: true, render: (t: ApiToken) => moment(t.expiresAt) },
    {
      accessor: 'lastUsedAt' as const,
      title: 'Last used',
      sortable: true,
      noWrap: true,
      // To the minute: a replica reports a token's use at most once a minute.
      render: (t: ApiToken) => (t.lastUsedAt ? moment(t.lastUsedAt) : <Text size="sm">never</Text>),
    },
    {
      accessor: 'state',
      title: 'State',
      noWrap: true,
      render: (t: ApiToken) => {
        const look = STATE_LOOK[tokenState(t)];
        return (
          <Stack gap={2}>
            <Badge color={look.color} variant="filled" w="fit-content">
              {look.label}
            </Badge>
            {t.revokedAt && <Text size="xs">{moment(t.revokedAt)}</Text>}
          </Stack>
        );
      },
    },
    {
      accessor: 'actions',
      title: <VisuallyHidden>Actions</VisuallyHidden>,
      textAlign: 'right' as const,
      noWrap: true,
      render: (t: ApiToken) => (
        <Permitted permission="operators:write">
          <RowDeleteButton
            aria-label={`Revoke token ${t.id}`}
            disabled={Boolean(t.revokedAt)}
            onClick={() => {
              revoke.reset();
              setToRevoke(t);
            }}
          >
            Revoke
          </RowDeleteButton>
        </Permitted>
      ),
    },
  ];

  return (
    <Stack gap="sm" component="section" aria-labelledby="tokens-title" id="tokens">
      <Group justify="space-between" align="center">
        <Title order={2} size="h3" id="tokens-title">
          API tokens of {operator.name}
        </Title>
        <Permitted permission="operators:write">
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            Create token
          </Button>
        </Permitted>
      </Group>
      {!operator.enabled && <Text size="sm">{operator.name} is disabled: the console refuses every token of it until it is enabled again.</Text>}
      <ApiErrorAlert error={tokens.error} title={`Could not read the tokens of ${operator.name}`} />
      <ListTable<ApiToken>
        label={`API tokens of ${operator.name}`}
        records={tokens.data}
        fetching={tokens.isLoading}
        columns={columns}
        idAccessor="id"
        sortBy="createdAt"
        sortDirection="desc"
        noRecordsText="No token yet"
      />

      <Modal opened={creating} onClose={() => setCreating(false)} title={`Create an API token for ${operator.name}`} centered>
        <CreateToken
          operator={operator.name}
          onCancel={() => setCreating(false)}
          onCreated={(t) => {
            setCreating(false);
            setCreated(t);
          }}
        />
      </Modal>
      <TokenShownOnce created={created} onClose={() => setCreated(undefined)} />

      <Modal opened={toRevoke !== undefined} onClose={() => setToRevoke(undefined)} title={`Revoke token ${toRevoke?.id ?? ''}?`} centered>
        {toRevoke && (
          <ConfirmDelete
            explanation={
              <Text size="sm">
                Every console replica refuses the token within a second: whatever uses it (
                {toRevoke.description ?? 'a script, a dashboard, a signed-in browser'}) gets 401 from then on. A revoked token cannot be used again.
              </Text>
            }
            error={revoke.error}
            errorTitle={`Token ${toRevoke.id} was not revoked`}
            confirmLabel="Revoke"
            pending={revoke.isPending}
            onCancel={() => setToRevoke(undefined)}
            onConfirm={() =>
              revoke.mutate(
                { params: { path: { id: toRevoke.id } } },
                {
                  onSuccess: () => {
                    notifications.show({ color: 'teal', title: 'Token revoked', message: `${toRevoke.id} of ${operator.name}` });
                    setToRevoke(undefined);
                    void queryClient.invalidateQueries({ queryKey: TOKENS });
                  },
                },
              )
            }
          />
        )}
      </Modal>
    </Stack>
  );
}
