import type { NatsConnection, StreamInfo } from 'nats';
import { tenantResourcePrefix } from '@certgate/contracts';
import type { NatsClusterNode } from '@certgate/testing';

/** Every stream of a tenant, KV buckets (`KV_…`) included. */
export async function tenantStreams(nc: NatsConnection, tenant: string): Promise<StreamInfo[]> {
  const jsm = await nc.jetstreamManager();
  const prefix = tenantResourcePrefix(tenant);
  const out: StreamInfo[] = [];
  for await (const info of jsm.streams.list()) {
    if (info.config.name.startsWith(prefix) || info.config.name.startsWith(`KV_${prefix}`)) out.push(info);
  }
  return out;
}

/** Names of the certgate service connections (`<service>@<nodeId>`) a node holds. */
export async function serviceConnectionsOn(node: NatsClusterNode): Promise<string[]> {
  const { body } = await node.monitor<{ connections?: { name?: string }[] }>('connz?limit=1024');
  return (body.connections ?? []).map((c) => c.name ?? '').filter((name) => /^[a-z-]+@/.test(name));
}

/**
 * Asks the stream's leader to step down until `node` is elected (NATS 2.9 cannot place
 * a leader directly), so the test kills the node that leads the bucket being written.
 */
export async function moveStreamLeader(nc: NatsConnection, stream: string, node: string, tries = 15): Promise<boolean> {
  const jsm = await nc.jetstreamManager();
  for (let i = 0; i < tries; i++) {
    const leader = (await jsm.streams.info(stream)).cluster?.leader;
    if (leader === node) return true;
    if (leader) await nc.request(`$JS.API.STREAM.LEADER.STEPDOWN.${stream}`, undefined, { timeout: 5_000 });
    await new Promise((r) => setTimeout(r, 500));
  }
  return (await jsm.streams.info(stream)).cluster?.leader === node;
}

interface StreamDetail {
  name: string;
  state: { messages: number; last_seq: number };
}

/** The stream's state in `node`'s own store (its `/jsz`), not the leader's answer. */
export async function localStreamState(node: NatsClusterNode, stream: string): Promise<StreamDetail['state'] | undefined> {
  const { body } = await node.monitor<{ account_details?: { stream_detail?: StreamDetail[] }[] }>('jsz?accounts=true&streams=true');
  return (body.account_details ?? []).flatMap((a) => a.stream_detail ?? []).find((s) => s.name === stream)?.state;
}

/**
 * Whether `node` holds all of `stream`: the leader counts it current and its own store
 * has the leader's last sequence. The reason when not.
 */
export async function replicaLag(nc: NatsConnection, node: NatsClusterNode, stream: string): Promise<string | undefined> {
  const info = await (await nc.jetstreamManager()).streams.info(stream);
  const local = await localStreamState(node, stream);
  if (!local) return `${stream}: no replica on ${node.name}`;
  if (info.cluster?.leader !== node.name) {
    const peer = info.cluster?.replicas?.find((r) => r.name === node.name);
    if (!peer?.current) return `${stream}: ${node.name} not current (lag ${peer?.lag ?? '?'})`;
  }
  if (local.last_seq !== info.state.last_seq) return `${stream}: ${node.name} at seq ${local.last_seq}, leader at ${info.state.last_seq}`;
  return undefined;
}
