import { Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { SecretValue, ShownOnlyOnce } from '../../components/ShownOnceSecret';
import { day } from '../../lib/format';
import type { CreatedToken } from './types';

/**
 * An API token just made, shown this once: the console keeps only the SHA-256 of its
 * secret. Copy it now; once the dialog is closed it is gone from the page too.
 */
export function TokenShownOnce({ created, onClose }: { created: CreatedToken | undefined; onClose: () => void }) {
  return (
    <Modal
      opened={created !== undefined}
      onClose={onClose}
      title={created ? `API token for ${created.operator}: save it now` : ''}
      size="lg"
      centered
      closeOnClickOutside={false}
    >
      {created && (
        <Stack>
          <ShownOnlyOnce>
            The console keeps only a hash of the token: once this dialog is closed it cannot be shown again. Copy it now and hand it to {created.operator}{' '}
            securely; if it is lost, revoke it and create another.
          </ShownOnlyOnce>
          <SecretValue label="API token" value={created.token} copyLabel="Copy token" />
          <Text size="sm">
            Token <Code>{created.id}</Code>
            {created.description ? ` (${created.description})` : ''}, valid until {day(created.expiresAt)}. It signs in to this console and is sent to the API
            as <Code>Authorization: Bearer &lt;token&gt;</Code>.
          </Text>
          <Group justify="flex-end">
            <Button onClick={onClose}>I have saved it, close</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
