import { Autocomplete, Button, Collapse, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { IconChevronDown, IconChevronUp, IconFilter, IconFilterOff } from '@tabler/icons-react';
import { useState } from 'react';
import type { ApiError } from '../../api/errors';
import { FieldErrorText } from '../../errors/ApiErrorAlert';
import { AUDIT_FILTERS, FILTER_FIELDS, type AuditFilterName, type AuditFilters } from './audit';

/**
 * The audit page's filters, applied to the URL on submit (as the Logs page does); a filter
 * the API refused has its message and code next to it. On a phone they fold away behind a
 * button, open while one is refused.
 */
export function AuditFilterBar({
  filters,
  fieldError,
  operators,
  onApply,
}: {
  filters: AuditFilters;
  fieldError: ApiError | undefined;
  /** Names seen in the loaded records: suggested for the Operator filter. */
  operators: string[];
  onApply: (f: AuditFilters) => void;
}) {
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [opened, setOpened] = useState<boolean>();
  const shown = !phone || (opened ?? Boolean(fieldError));
  const set = Object.keys(filters).length;
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: Object.fromEntries(AUDIT_FILTERS.map((n) => [n, filters[n] ?? ''])) as Record<AuditFilterName, string>,
  });
  const errorOf = (name: AuditFilterName) => (fieldError?.field === name ? <FieldErrorText message={fieldError.message} code={fieldError.code} /> : undefined);

  const submit = form.onSubmit((values) => {
    const next: AuditFilters = {};
    for (const n of AUDIT_FILTERS) if (values[n].trim()) next[n] = values[n].trim();
    onApply(next);
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Filters of the audit trail">
      {phone && (
        <Button
          variant="default"
          size="sm"
          mb={shown ? 'xs' : 0}
          leftSection={<IconFilter size={16} aria-hidden />}
          rightSection={shown ? <IconChevronUp size={16} aria-hidden /> : <IconChevronDown size={16} aria-hidden />}
          aria-expanded={shown}
          onClick={() => setOpened(!shown)}
        >
          Filters{set > 0 ? ` (${set} set)` : ''}
        </Button>
      )}
      <Collapse expanded={shown}>
        <Stack gap="xs">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm" verticalSpacing="xs">
            {AUDIT_FILTERS.map((name) => {
              const field = FILTER_FIELDS[name];
              const common = {
                label: field.label,
                description: field.description,
                placeholder: field.placeholder,
                autoComplete: 'off',
                ...form.getInputProps(name),
                error: errorOf(name),
              };
              const suggestions = name === 'operator' ? [...new Set([...operators, ...(field.suggestions ?? [])])] : field.suggestions;
              return suggestions ? <Autocomplete key={form.key(name)} data={suggestions} {...common} /> : <TextInput key={form.key(name)} {...common} />;
            })}
          </SimpleGrid>
          <Group gap="sm">
            <Button type="submit" size="sm" leftSection={<IconFilter size={16} aria-hidden />}>
              Apply filters
            </Button>
            {set > 0 && (
              <Button variant="default" size="sm" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={() => onApply({})}>
                Clear filters
              </Button>
            )}
          </Group>
        </Stack>
      </Collapse>
    </form>
  );
}
