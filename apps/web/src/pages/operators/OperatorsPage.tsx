import { Badge, Button, Group, Menu, Modal, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconCircleOff, IconKey, IconShieldCheck, IconTrash, IconUserPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useApi } from '../../api/ApiProvider';
import { useAuth } from '../../auth/AuthProvider';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { ListTable } from '../../components/ListTable';
import { Names } from '../../components/Names';
import { Page } from '../../components/Page';
import { Permitted, useDenial } from '../../components/Permitted';
import { RowMenu } from '../../components/RowMenu';
import { ApiErrorAlert } from '../../errors/ApiErrorAlert';
import { moment } from '../../lib/format';
import { CreateOperator, EditRoles } from './OperatorForms';
import { TokensPanel } from './TokensPanel';
import { OPERATORS, TOKENS, type Operator } from './types';

type Dialog = { kind: 'create' } | { kind: 'roles' | 'disable' | 'delete'; operator: Operator };

/**
 * The operators of the admin plane: name, roles, enabled; create one, change its roles,
 * disable or enable it, delete it; and the API tokens of the selected one
 * (`?operator=<name>`): create one (shown once), revoke one.
 */
export default function OperatorsPage() {
  const { $api } = useApi();
  const { can, principal } = useAuth();
  const writeDenial = useDenial('operators:write');
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const operators = $api.useQuery(...OPERATORS);
  const update = $api.useMutation('patch', '/api/v1/operators/{name}');
  const remove = $api.useMutation('delete', '/api/v1/operators/{name}');
  const [dialog, setDialog] = useState<Dialog>();
  const close = () => setDialog(undefined);

  const selectedName = params.get('operator') ?? undefined;
  const selected = operators.data?.find((o) => o.name === selectedName);
  const select = (name: string | undefined) => setParams(name ? { operator: name } : {});
  // The operator of the session (its token's, or the single sign-on name); the admin token has none.
  const isMe = (o: Operator) => principal?.operator === o.name;

  // Bring the tokens into view when an operator is picked.
  useEffect(() => {
    if (selected) document.getElementById('tokens')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [selected]);

  const setEnabled = (o: Operator, enabled: boolean) =>
    update.mutate(
      { params: { path: { name: o.name } }, body: { enabled } },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', title: enabled ? 'Operator enabled' : 'Operator disabled', message: o.name });
          close();
          void queryClient.invalidateQueries({ queryKey: OPERATORS });
        },
      },
    );

  const columns = [
    {
      accessor: 'name' as const,
      title: 'Name',
      sortable: true,
      noWrap: true,
      render: (o: Operator) => (
        <Text size="sm" fw={600}>
          {o.name}
          {isMe(o) && (
            <Text span size="xs" fw={400}>
              {' '}
              (you)
            </Text>
          )}
        </Text>
      ),
    },
    { accessor: 'roles', title: 'Roles', render: (o: Operator) => <Names names={o.roles} /> },
    {
      accessor: 'enabled' as const,
      title: 'State',
      sortable: true,
      noWrap: true,
      render: (o: Operator) => (
        <Badge color={o.enabled ? 'teal.9' : 'gray.7'} variant="filled">
          {o.enabled ? 'enabled' : 'disabled'}
        </Badge>
      ),
    },
    { accessor: 'createdAt' as const, title: 'Created', sortable: true, noWrap: true, render: (o: Operator) => moment(o.createdAt) },
    {
      accessor: 'actions',
      title: <VisuallyHidden>Actions</VisuallyHidden>,
      textAlign: 'right' as const,
      noWrap: true,
      render: (o: Operator) => (
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          <Button
            size="xs"
            variant={o.name === selectedName ? 'filled' : 'default'}
            leftSection={<IconKey size={14} aria-hidden />}
            aria-label={`API tokens of ${o.name}`}
            aria-pressed={o.name === selectedName}
            onClick={() => select(o.name === selectedName ? undefined : o.name)}
          >
            Tokens
          </Button>
          <RowMenu label={`Actions for ${o.name}`}>
            {can('operators:write') ? (
              <>
                <Menu.Item leftSection={<IconShieldCheck size={14} aria-hidden />} onClick={() => setDialog({ kind: 'roles', operator: o })}>
                  Edit roles…
                </Menu.Item>
                {o.enabled ? (
                  <Menu.Item
                    leftSection={<IconCircleOff size={14} aria-hidden />}
                    onClick={() => (update.reset(), setDialog({ kind: 'disable', operator: o }))}
                  >
                    Disable…
                  </Menu.Item>
                ) : (
                  <Menu.Item leftSection={<IconCircleCheck size={14} aria-hidden />} onClick={() => setEnabled(o, true)}>
                    Enable
                  </Menu.Item>
                )}
                <Menu.Item
                  color="red"
                  leftSection={<IconTrash size={14} aria-hidden />}
                  onClick={() => (remove.reset(), setDialog({ kind: 'delete', operator: o }))}
                >
                  Delete…
                </Menu.Item>
              </>
            ) : (
              <Text size="xs" px="sm" py={6}>
                {writeDenial}
              </Text>
            )}
          </RowMenu>
        </Group>
      ),
    },
  ];

  const target = dialog && 'operator' in dialog ? dialog.operator : undefined;
  const yourself = target && isMe(target) ? ' This is you: your own sign-in stops working at once.' : '';

  return (
    <Page
      title="Operators"
      description="The people and programs that use this console, each with roles (what they may do) and API tokens (how they sign in). A change is in force on every console replica at once."
      writePermission="operators:write"
      actions={
        <Permitted permission="operators:write">
          <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setDialog({ kind: 'create' })}>
            Create operator
          </Button>
        </Permitted>
      }
    >
      <ApiErrorAlert error={operators.error} title="Could not read the operators" />
      {dialog === undefined && <ApiErrorAlert error={update.error} title="The operator was not changed" onClose={() => update.reset()} />}
      <ListTable<Operator>
        label="Operators"
        records={operators.data}
        fetching={operators.isLoading}
        columns={columns}
        idAccessor="name"
        sortBy="name"
        searchText={(o) => `${o.name} ${o.roles.join(' ')} ${o.enabled ? 'enabled' : 'disabled'}`}
        noRecordsText="No operator yet: the admin token is the only way in"
      />
      {selectedName && operators.data && !selected && <Text size="sm">There is no operator {selectedName}.</Text>}
      {selected && <TokensPanel key={selected.name} operator={selected} />}

      <Modal opened={dialog?.kind === 'create'} onClose={close} title="Create an operator" centered>
        <CreateOperator
          onDone={(name) => {
            close();
            // Straight to its tokens: an operator signs in with one.
            if (name) select(name);
          }}
        />
      </Modal>
      <Modal opened={dialog?.kind === 'roles'} onClose={close} title={`Roles of ${target?.name ?? ''}`} centered>
        {dialog?.kind === 'roles' && <EditRoles operator={dialog.operator} onDone={close} />}
      </Modal>
      <Modal opened={dialog?.kind === 'disable'} onClose={close} title={`Disable ${target?.name ?? ''}?`} centered>
        {dialog?.kind === 'disable' && (
          <ConfirmDelete
            explanation={
              <Text size="sm">
                Every console replica refuses the tokens of {dialog.operator.name} at once, until it is enabled again; its tokens are kept.{yourself}
              </Text>
            }
            error={update.error}
            errorTitle={`${dialog.operator.name} was not disabled`}
            confirmLabel="Disable"
            pending={update.isPending}
            onCancel={close}
            onConfirm={() => setEnabled(dialog.operator, false)}
          />
        )}
      </Modal>
      <Modal opened={dialog?.kind === 'delete'} onClose={close} title={`Delete operator ${target?.name ?? ''}?`} centered>
        {dialog?.kind === 'delete' && (
          <ConfirmDelete
            explanation={
              <Text size="sm">Its tokens are revoked first, then the operator is deleted. A new operator of the same name gets new tokens.{yourself}</Text>
            }
            error={remove.error}
            errorTitle={`${dialog.operator.name} was not deleted`}
            pending={remove.isPending}
            onCancel={close}
            onConfirm={() =>
              remove.mutate(
                { params: { path: { name: dialog.operator.name } } },
                {
                  onSuccess: () => {
                    notifications.show({ color: 'teal', title: 'Operator deleted', message: dialog.operator.name });
                    if (selectedName === dialog.operator.name) select(undefined);
                    close();
                    void queryClient.invalidateQueries({ queryKey: OPERATORS });
                    void queryClient.invalidateQueries({ queryKey: TOKENS });
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
