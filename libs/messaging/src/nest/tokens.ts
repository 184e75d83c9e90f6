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
  version: string;
}
