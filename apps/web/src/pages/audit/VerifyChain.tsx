import { Alert, Button, Code, Stack, Text } from '@mantine/core';
import { IconLink, IconLinkOff, IconShieldCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider';
import { ApiErrorAlert } from '../../errors/ApiErrorAlert';
import type { ChainVerdict } from './audit';

function Verdict({ verdict }: { verdict: ChainVerdict }) {
  const range = verdict.first !== undefined ? `records ${verdict.first}–${verdict.last}` : 'no record';
  // Retention drops the oldest records: a chain starting after 1 is not a break.
  const trimmed = verdict.first !== undefined && verdict.first > 1 ? ` The oldest kept is record ${verdict.first}: the ones before left with retention.` : '';
  if (verdict.ok)
    return (
      <Alert color="teal" variant="light" icon={<IconLink aria-hidden />} title="The chain holds" role="status" data-chain="ok">
        <Text size="sm">
          {verdict.records} records ({range}) of <Code>{verdict.stream}</Code>: each hash matches its record and names the one before.{trimmed}
        </Text>
        {verdict.lastHash && (
          <Text size="xs" ff="monospace" mt={4} style={{ overflowWrap: 'anywhere' }}>
            last hash {verdict.lastHash}
          </Text>
        )}
      </Alert>
    );
  const [first] = verdict.breaks;
  return (
    <Alert color="red" variant="light" icon={<IconLinkOff aria-hidden />} title="The chain is broken" role="alert" data-chain="broken">
      <Stack gap={4}>
        <Text size="sm">
          {verdict.breaks.length} {verdict.breaks.length === 1 ? 'break' : 'breaks'} in {verdict.records} records ({range}).{trimmed}
        </Text>
        {first && (
          <Text size="sm">
            The first: record {first.index} ({first.problem}){first.seq !== undefined ? `, stream sequence ${first.seq}` : ''}: {first.message}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}

/** `GET /audit/verify`, asked when the button is pressed: it reads the whole trail (seconds for a large one). */
export function useChainVerification() {
  const { api } = useApi();
  return useMutation({ mutationFn: async () => (await api.GET('/api/v1/audit/verify')).data });
}

type Verification = ReturnType<typeof useChainVerification>;

/** "Verify chain", for the page's actions. */
export function VerifyChainButton({ verification }: { verification: Verification }) {
  return (
    <Button variant="default" leftSection={<IconShieldCheck size={16} aria-hidden />} loading={verification.isPending} onClick={() => verification.mutate()}>
      Verify chain
    </Button>
  );
}

/** Whether the hash chain holds, or where it breaks first; or why it could not be checked. */
export function ChainVerdictView({ verification }: { verification: Verification }) {
  return (
    <>
      {verification.data && !verification.isPending && <Verdict verdict={verification.data} />}
      <ApiErrorAlert error={verification.error} title="The chain could not be checked" onClose={() => verification.reset()} />
    </>
  );
}
