import type { RootPolicy } from '@certgate/contracts';
import type { ConfigKeyPair, FlowDefinition } from '@certgate/contracts';

/**
 * The kinds of object the configuration file holds, in the order apply creates and
 * updates them (each may refer to those before it); --prune removes in the reverse order.
 */
export const KINDS = [
  'trusted-root',
  'ingress-host',
  'role',
  'instance',
  'key',
  'trusted-certificate',
  'key-pair',
  'flow',
  'user',
  'group',
  'mapping',
  'mute',
  'subscription',
] as const;
export type Kind = (typeof KINDS)[number];

/** How a diff line names a kind: `+ role Role1`, `- instance old`. */
export const KIND_LABEL: Record<Kind, string> = {
  'trusted-root': 'trusted-root',
  'ingress-host': 'ingress-host',
  role: 'role',
  instance: 'instance',
  key: 'key',
  'trusted-certificate': 'trusted-certificate',
  'key-pair': 'key-pair',
  flow: 'flow',
  user: 'user',
  group: 'group',
  mapping: 'mapping',
  mute: 'mute',
  subscription: 'subscription',
};

/* The file's objects once normalised: lists sorted by natural key, sets sorted, PEM re-encoded, defaults applied. */
export interface NRoot {
  pem: string;
  /** Only when it is not the default policy, so a file that names none and a root that has none compare equal. */
  policy?: RootPolicy;
}
export interface NHost {
  hostName: string;
  clientCert?: 'optional' | 'required';
  /** Sorted, without repeats; absent: every trusted root counts. */
  roots?: string[];
}
export interface NRole {
  name: string;
  description?: string;
}
export interface NKey {
  name: string;
  type: 'external-certificate';
  certificate: string;
}
export interface NInstance {
  name: string;
  parameters: { roles: string[]; 'grant-types': string[]; 'redirect-uris': string[] };
  keys?: NKey[];
}
export type NFlow = FlowDefinition;
export interface NUser {
  name: string;
  roles: string[];
}
export interface NGroup {
  name: string;
  roles: string[];
  users: string[];
}
export interface NMapping {
  user: string;
  certificate: string;
}
export interface NTrustedCertificate {
  alias: string;
  certificate: string;
}
export type NKeyPair = ConfigKeyPair;
export interface NMute {
  source: string;
  reason?: string;
}
export interface NSubscription {
  url: string;
  sources?: string[];
  thresholds?: number[];
  secretEnv: string;
}

/** A list absent from the file is not managed: apply leaves that kind of object alone. */
export interface NSpec {
  trustedRoots?: NRoot[];
  ingressHosts?: NHost[];
  roles?: NRole[];
  serviceInstances?: NInstance[];
  flows?: NFlow[];
  classic?: { users?: NUser[]; groups?: NGroup[]; mappings?: NMapping[] };
  keystore?: { trustedCertificates?: NTrustedCertificate[]; keyPairs?: NKeyPair[] };
  alerts?: { mutes?: NMute[]; subscriptions?: NSubscription[] };
}

/** What export writes: every list present. */
export interface FullSpec {
  trustedRoots: NRoot[];
  ingressHosts: NHost[];
  roles: NRole[];
  serviceInstances: (NInstance & { keys: NKey[] })[];
  flows: NFlow[];
  classic: { users: NUser[]; groups: NGroup[]; mappings: NMapping[] };
  keystore: { trustedCertificates: NTrustedCertificate[]; keyPairs: NKeyPair[] };
  alerts: { mutes: NMute[]; subscriptions: NSubscription[] };
}
