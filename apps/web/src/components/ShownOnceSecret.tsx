import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useId, type ReactNode } from 'react';

/** A secret in full, with its copy button: a generated private key, client secret or API token. */
export function SecretValue({ label, value, copyLabel }: { label: string; value: string; copyLabel: string }) {
  const id = useId();
  return (
    <Stack gap={4}>
      <Group justify="space-between" align="flex-end">
        <Text size="sm" fw={600} id={id}>
          {label}
        </Text>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button size="xs" variant="default" leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />} onClick={copy}>
              {copied ? 'Copied' : copyLabel}
            </Button>
          )}
        </CopyButton>
      </Group>
      {/* Focusable: it may scroll (axe: scrollable-region-focusable). */}
      <Code block aria-labelledby={id} tabIndex={0} style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap', maxHeight: 220, overflow: 'auto' }}>
        {value}
      </Code>
    </Stack>
  );
}

/** The warning above a secret shown once: the console keeps no readable copy. */
export function ShownOnlyOnce({ children }: { children: ReactNode }) {
  return (
    <Alert
      color="orange"
      variant="outline"
      icon={<IconAlertTriangle aria-hidden />}
      title="Shown only this once"
      // The title in the text colour: orange text is too light for AA contrast.
      styles={{ title: { color: 'var(--mantine-color-text)' } }}
    >
      <Text size="sm">{children}</Text>
    </Alert>
  );
}
