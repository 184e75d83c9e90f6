import { Checkbox, Stack, type CheckboxGroupProps } from '@mantine/core';
import { OPERATOR_ROLES, ROLE_PURPOSE } from '../../auth/permissions';

/** The operator roles as checkboxes, each with what it is for (docs/operators.md); the props of a form field (`form.getInputProps('roles')`). */
export function RoleChecks(props: Omit<CheckboxGroupProps, 'children'>) {
  return (
    <Checkbox.Group label="Roles" description="What the operator may do: the permissions of every role ticked" withAsterisk {...props}>
      <Stack gap="xs" mt="xs">
        {OPERATOR_ROLES.map((role) => (
          <Checkbox key={role} value={role} label={role} description={ROLE_PURPOSE[role]} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}
