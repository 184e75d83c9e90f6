import { Button, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AppProviders } from '../AppProviders';
import { ApiError } from '../api/errors';
import { ApiErrorAlert } from './ApiErrorAlert';
import { formPathOf, useFormApiError } from './useFormApiError';

function RoleForm({ failWith }: { failWith: ApiError }) {
  const form = useForm({ mode: 'uncontrolled', initialValues: { name: '', parameters: { roles: ['a', 'b'] } } });
  const { error, handle } = useFormApiError(form);
  return (
    <form onSubmit={form.onSubmit(() => handle(failWith))}>
      <ApiErrorAlert error={error} title="Not saved" />
      <TextInput label="Name" key={form.key('name')} {...form.getInputProps('name')} />
      <TextInput label="Second role" key={form.key('parameters.roles.1')} {...form.getInputProps('parameters.roles.1')} />
      <Button type="submit">Save</Button>
    </form>
  );
}

const inProviders = (ui: React.ReactNode) => render(<AppProviders fetch={async () => new Response()}>{ui}</AppProviders>);

describe('showing an API error where it happened', () => {
  it('shows the message, the domain code and the status, announced as an alert', () => {
    inProviders(<ApiErrorAlert error={new ApiError(409, 'role_in_use', "role 'R' is in use and cannot be deleted")} title="Role R was not deleted" />);
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText('Role R was not deleted')).toBeInTheDocument();
    expect(within(alert).getByText("role 'R' is in use and cannot be deleted")).toBeInTheDocument();
    expect(within(alert).getByText('role_in_use')).toBeInTheDocument();
    expect(alert).toHaveTextContent('HTTP 409');
  });

  it('shows nothing without an error, and any thrown value as an error', () => {
    const { container } = inProviders(<ApiErrorAlert error={undefined} title="Nothing" />);
    expect(container.querySelector('[role=alert]')).toBeNull();
    inProviders(<ApiErrorAlert error={new TypeError('boom')} title="A bug" />);
    expect(screen.getByRole('alert')).toHaveTextContent('boom');
  });

  it('puts an error whose details.field names a form field next to that field, not above the form', async () => {
    inProviders(<RoleForm failWith={new ApiError(400, 'validation_failed', 'invalid request body: name: too long', { field: 'name' })} />);
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    const name = screen.getByLabelText('Name');
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription('invalid request body: name: too long validation_failed');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('follows a dotted path with an index (parameters.roles[1]) to its field', async () => {
    expect(formPathOf('parameters.roles[1]')).toBe('parameters.roles.1');
    inProviders(<RoleForm failWith={new ApiError(400, 'role_unknown', "role 'b' does not exist", { field: 'parameters.roles[1]', role: 'b' })} />);
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByLabelText('Second role')).toHaveAccessibleDescription("role 'b' does not exist role_unknown");
  });

  it('shows an error naming no field of the form above the form', async () => {
    inProviders(<RoleForm failWith={new ApiError(409, 'role_exists', "role 'R' exists already", { role: 'R' })} />);
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("role 'R' exists already");
    expect(alert).toHaveTextContent('role_exists');
  });
});
