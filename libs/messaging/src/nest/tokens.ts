import type { ServiceName } from '@certgate/contracts';

export const NATS_CONNECTION = Symbol('NATS_CONNECTION');
export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

export interface MessagingOptions {
  service: ServiceName;
  tenant: string;
  nodeId: string;
  natsUrl: string;
  natsUser?: string;
  natsPass?: string;
  /** Replicas of the streams and buckets this service creates (CERTGATE_NATS_REPLICAS). */
  natsReplicas?: number;
  version: string;
}
