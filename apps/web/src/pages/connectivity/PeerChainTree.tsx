import { Badge, Group, List, Stack, Text, Tree, getTreeExpandedState, useTree, type TreeNodeData } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { useMemo } from 'react';
import { ValidityBadge } from '../../components/ValidityBadge';
import { daysUntil, shortFingerprint } from '../../lib/format';
import type { Finding, JudgedCertificate } from './chain';

const FINDING_ICON = {
  ok: <IconCircleCheck size={16} color="var(--mantine-color-teal-9)" aria-hidden />,
  problem: <IconAlertTriangle size={16} color="var(--mantine-color-red-9)" aria-hidden />,
  info: <IconInfoCircle size={16} color="var(--mantine-color-dimmed)" aria-hidden />,
};

function Findings({ findings }: { findings: Finding[] }) {
  if (findings.length === 0) return null;
  return (
    <List size="sm" spacing={2} listStyleType="none" aria-label="Findings">
      {findings.map((f) => (
        <List.Item key={f.text} icon={FINDING_ICON[f.tone]}>
          <Text size="sm" span c={f.tone === 'problem' ? 'red.9' : undefined}>
            {f.text}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

function CertificateNode({ judged }: { judged: JudgedCertificate }) {
  const { cert } = judged;
  return (
    <Stack gap={4} py={6} data-testid="peer-certificate" data-verdict={judged.verdict} data-fingerprint={cert.fingerprint}>
      <Group gap="xs" wrap="wrap">
        <Badge color={judged.verdict === 'ok' ? 'teal.9' : 'red.9'} variant="filled">
          {judged.verdict === 'ok' ? 'ok' : 'problem'}
        </Badge>
        <Badge variant="default" tt="none">
          {judged.role}
        </Badge>
        <ValidityBadge validity={judged.validity} days={daysUntil(cert.notAfter)} />
      </Group>
      <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
        {cert.subjectDN}
      </Text>
      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        issued by {cert.issuerDN} · serial {cert.serialNumber} · {cert.notBefore.slice(0, 10)} – {cert.notAfter.slice(0, 10)} · SHA-256{' '}
        <span title={cert.fingerprint}>{shortFingerprint(cert.fingerprint)}</span>
      </Text>
      <Findings findings={judged.findings} />
    </Stack>
  );
}

/**
 * The peer chain as a tree: the topmost certificate the server sent at the root, each
 * certificate under the one that issued it, the server's own at the bottom; each with
 * its verdict and the facts behind it.
 */
export function PeerChainTree({ chain }: { chain: JudgedCertificate[] }) {
  const data = useMemo(() => {
    // Leaf first in the answer: nest from the last one down.
    let node: TreeNodeData | undefined;
    for (const judged of chain) {
      node = {
        value: `${judged.index}:${judged.cert.fingerprint}`,
        label: <CertificateNode judged={judged} />,
        ...(node && { children: [node] }),
      };
    }
    return node ? [node] : [];
  }, [chain]);
  const tree = useTree({ initialExpandedState: getTreeExpandedState(data, '*') });

  return <Tree data={data} tree={tree} withLines levelOffset="lg" expandOnClick={false} aria-label="Peer certificate chain" />;
}
