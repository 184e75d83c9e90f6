import type { z } from 'zod';
import type {
  AccessLogRecord,
  AuditRecord,
  AlertMute,
  ApiTokenView,
  CreateApiToken,
  CreatedApiToken,
  CreateOperator,
  Operator,
  UpdateOperator,
  AlertSubscriptionBody,
  AlertSubscriptionView,
  CertificateAlert,
  CertificateMapping,
  CertificateSource,
  ConnectivityResult,
  CreatedServiceKey,
  CrlStatus,
  CreateServiceKey,
  DeployedFlow,
  FlowDefinition,
  Group,
  HealthReply,
  HostSettings,
  HostView,
  InstanceParameters,
  InventoryCertificate,
  KeystoreEntryView,
  MplRecord,
  Role,
  ServiceInstance,
  ServiceKeyView,
  ServerIdentityView,
  SigningKeys,
  TraceLogRecord,
  trustedRootViewSchema,
  rootPolicySchema,
  UserView,
} from '@certgate/contracts';
import { seg, type ApiClient, type Download, type JsonResponse, type Query } from './api-client';

/*
 * The console's admin API (docs/api.md), one method per route, typed with the
 * contracts. Fields the API gained after the contracts' types (issue 16: `seq`,
 * `requestId`, key `url`/`tokenurl`) are declared here as optional.
 */

export interface SystemHealth {
  status: 'up' | 'degraded' | 'down';
  services: Record<string, { status: 'up' | 'degraded' | 'down'; replicas: HealthReply[] }>;
  checkedAt: string;
}

export type TrustedRoot = z.infer<typeof trustedRootViewSchema> & { sha256?: string; notBefore?: string };
export type RootPolicyInput = z.input<typeof rootPolicySchema>;
export type KeyView = ServiceKeyView & { url?: string; tokenurl?: string };
export type CreatedKey = CreatedServiceKey & { url?: string; tokenurl?: string };
export type InstanceWithKeys = ServiceInstance & { keys?: KeyView[] };

/** Every log record gains its stream sequence (`seq`) for paging and following. */
export type Logged<T> = T & { seq?: number };
export type AuditListed = AuditRecord & { seq: number };
export interface AuditFilters {
  since?: string;
  until?: string;
  operator?: string;
  object?: string;
  outcome?: string;
}
export type LogKind = 'access' | 'trace' | 'messages';
export interface LogRecordOf {
  access: Logged<AccessLogRecord>;
  trace: Logged<TraceLogRecord>;
  messages: Logged<MplRecord & { requestId?: string }>;
}
export interface LogFilters {
  limit?: number;
  since?: string;
  until?: string;
  status?: string;
  who?: string;
  requestId?: string;
  flowId?: string;
  address?: string;
  cursor?: string;
  after?: number;
}
export interface LogPage<T> {
  records: T[];
  /** `X-Next-Cursor`: pass as `cursor` for the page before this one. */
  nextCursor?: string;
}

export type KeySpecBody = { keyType: 'EC'; curve?: 'P-256' | 'P-384' } | { keyType: 'RSA'; keySize?: 2048 | 3072 | 4096 };
export type GenerateKeyPairBody = KeySpecBody & { alias: string; subjectDN: string; validityDays?: number };
export type RenewalBody = KeySpecBody & { subjectDN?: string; validityDays?: number };
export interface ConnectivityBody {
  host: string;
  port: number;
  validateServerCertificate?: boolean;
  keyAlias?: string;
  serverName?: string;
  timeoutMs?: number;
}

const LOG_PATHS: Record<LogKind, string> = { access: '/logs/access', trace: '/logs/trace', messages: '/message-logs' };

export class CertgateApi {
  constructor(readonly http: ApiClient) {}

  health = () => this.http.get<SystemHealth>('/health');

  trust = {
    list: () => this.http.get<TrustedRoot[]>('/ingress/trusted-roots'),
    add: (pemBundle: string) => this.http.post<TrustedRoot[]>('/ingress/trusted-roots', { certificates: pemBundle }),
    replace: (pemBundle: string) => this.http.put<TrustedRoot[]>('/ingress/trusted-roots', { certificates: pemBundle }),
    remove: (sha256: string) => this.http.delete(`/ingress/trusted-roots/${seg(sha256)}`),
    setPolicy: (sha256: string, policy: RootPolicyInput) => this.http.put<TrustedRoot>(`/ingress/trusted-roots/${seg(sha256)}/policy`, policy),
    crls: () => this.http.get<CrlStatus[]>('/ingress/revocation'),
    refreshCrls: () => this.http.post<CrlStatus[]>('/ingress/revocation/refresh'),
  };

  ingress = {
    serverChain: () => this.http.download('GET', '/ingress/server-chain'),
    replaceServerChain: (body: { certificates: string; privateKey: string; passphrase?: string }) =>
      this.http.put<ServerIdentityView>('/ingress/server-chain', body),
    resetServerChain: () => this.http.delete('/ingress/server-chain'),
    hosts: () => this.http.get<HostView[]>('/ingress/hosts'),
    setHost: (hostName: string, settings: HostSettings) => this.http.put<HostView>(`/ingress/hosts/${seg(hostName)}`, settings),
    removeHost: (hostName: string) => this.http.delete(`/ingress/hosts/${seg(hostName)}`),
  };

  operators = {
    list: () => this.http.get<Operator[]>('/operators'),
    get: (name: string) => this.http.get<Operator>(`/operators/${seg(name)}`),
    create: (body: CreateOperator) => this.http.post<Operator>('/operators', body),
    update: (name: string, body: UpdateOperator) => this.http.patch<Operator>(`/operators/${seg(name)}`, body),
    delete: (name: string) => this.http.delete(`/operators/${seg(name)}`),
    tokens: (name: string) => this.http.get<ApiTokenView[]>(`/operators/${seg(name)}/tokens`),
    createToken: (name: string, body: CreateApiToken) => this.http.post<CreatedApiToken>(`/operators/${seg(name)}/tokens`, body),
    revokeToken: (id: string) => this.http.post<ApiTokenView>(`/api-tokens/${seg(id)}/revoke`),
    me: () => this.http.get<{ kind: string; operator?: string; tokenId?: string; roles: string[]; permissions: string[] }>('/me'),
  };

  roles = {
    list: () => this.http.get<Role[]>('/roles'),
    get: (name: string) => this.http.get<Role>(`/roles/${seg(name)}`),
    create: (body: { name: string; description?: string }) => this.http.post<Role>('/roles', body),
    json: (name: string) => this.http.get<{ roles: string[] }>(`/roles/${seg(name)}/json`),
    delete: (name: string) => this.http.delete(`/roles/${seg(name)}`),
  };

  instances = {
    list: () => this.http.get<ServiceInstance[]>('/service-instances'),
    get: (name: string) => this.http.get<InstanceWithKeys>(`/service-instances/${seg(name)}`),
    create: (body: { name: string; parameters: InstanceParameters }) => this.http.post<ServiceInstance>('/service-instances', body),
    update: (name: string, parameters: InstanceParameters) => this.http.put<ServiceInstance>(`/service-instances/${seg(name)}`, { parameters }),
    delete: (name: string) => this.http.delete(`/service-instances/${seg(name)}`),
  };

  keys = {
    list: (instance: string) => this.http.get<KeyView[]>(`/service-instances/${seg(instance)}/keys`),
    get: (instance: string, key: string) => this.http.get<KeyView>(`/service-instances/${seg(instance)}/keys/${seg(key)}`),
    create: (instance: string, body: CreateServiceKey) => this.http.post<CreatedKey>(`/service-instances/${seg(instance)}/keys`, body),
    delete: (instance: string, key: string) => this.http.delete(`/service-instances/${seg(instance)}/keys/${seg(key)}`),
  };

  flows = {
    list: () => this.http.get<DeployedFlow[]>('/flows'),
    get: (id: string) => this.http.get<DeployedFlow>(`/flows/${seg(id)}`),
    deploy: (id: string, definition: FlowDefinition | Record<string, unknown>) => this.http.put<DeployedFlow>(`/flows/${seg(id)}`, definition),
    undeploy: (id: string) => this.http.delete(`/flows/${seg(id)}`),
  };

  mappings = {
    list: (user?: string) => this.http.get<CertificateMapping[]>('/certificate-user-mappings', { user }),
    get: (id: string) => this.http.get<CertificateMapping>(`/certificate-user-mappings/${seg(id)}`),
    create: (body: { user: string; certificate: string }) => this.http.post<CertificateMapping>('/certificate-user-mappings', body),
    delete: (id: string) => this.http.delete(`/certificate-user-mappings/${seg(id)}`),
  };

  users = {
    list: () => this.http.get<UserView[]>('/users'),
    get: (name: string) => this.http.get<UserView>(`/users/${seg(name)}`),
    create: (name: string) => this.http.post<UserView>('/users', { name }),
    setRoles: (name: string, roles: string[]) => this.http.put<UserView>(`/users/${seg(name)}/roles`, { roles }),
    delete: (name: string) => this.http.delete(`/users/${seg(name)}`),
  };

  groups = {
    list: () => this.http.get<Group[]>('/groups'),
    get: (name: string) => this.http.get<Group>(`/groups/${seg(name)}`),
    create: (body: { name: string; roles?: string[]; users?: string[] }) => this.http.post<Group>('/groups', body),
    update: (name: string, body: { roles: string[]; users: string[] }) => this.http.put<Group>(`/groups/${seg(name)}`, body),
    delete: (name: string) => this.http.delete(`/groups/${seg(name)}`),
  };

  keystore = {
    list: () => this.http.get<KeystoreEntryView[]>('/keystore/entries'),
    get: (alias: string) => this.http.get<KeystoreEntryView>(`/keystore/entries/${seg(alias)}`),
    delete: (alias: string, force?: boolean) => this.http.delete(`/keystore/entries/${seg(alias)}`, force ? { force: true } : undefined),
    download: (alias: string, part: 'certificate' | 'chain', format: 'pem' | 'der') =>
      this.http.download('GET', `/keystore/entries/${seg(alias)}/${part}`, { query: { format } }),
    rename: (alias: string, newAlias: string) => this.http.post<KeystoreEntryView>(`/keystore/entries/${seg(alias)}/rename`, { newAlias }),
    exportPkcs12: (alias: string, password: string) => this.http.download('POST', `/keystore/entries/${seg(alias)}/pkcs12`, { body: { password } }),
    generateKeyPair: (body: GenerateKeyPairBody) => this.http.post<KeystoreEntryView>('/keystore/key-pairs', body),
    csr: (alias: string, renewal = false) => this.http.download('GET', `/keystore/key-pairs/${seg(alias)}${renewal ? '/renewal' : ''}/csr`),
    importChain: (alias: string, chain: string, renewal = false) =>
      this.http.put<KeystoreEntryView>(`/keystore/key-pairs/${seg(alias)}${renewal ? '/renewal' : ''}/chain`, { chain }),
    startRenewal: (alias: string, body: RenewalBody) => this.http.post<KeystoreEntryView>(`/keystore/key-pairs/${seg(alias)}/renewal`, body),
    activateRenewal: (alias: string) => this.http.post<KeystoreEntryView>(`/keystore/key-pairs/${seg(alias)}/renewal/activate`),
    cancelRenewal: (alias: string) => this.http.delete(`/keystore/key-pairs/${seg(alias)}/renewal`),
    addCertificate: (alias: string, certificate: string) => this.http.post<KeystoreEntryView>('/keystore/certificates', { alias, certificate }),
    importPkcs12: (alias: string, password: string, pkcs12: Buffer) =>
      this.http.post<KeystoreEntryView>('/keystore/pkcs12', { alias, password, pkcs12: pkcs12.toString('base64') }),
  };

  certificates = {
    list: (query: { source?: string; status?: string; sort?: string }) => this.http.get<InventoryCertificate[]>('/certificates', query),
  };

  alerts = {
    list: (limit?: number) => this.http.get<CertificateAlert[]>('/alerts', { limit }),
    scan: () => this.http.post<{ certificates: number; raised: number; durationMs: number }>('/alerts/scan'),
    mutes: () => this.http.get<AlertMute[]>('/alerts/mutes'),
    mute: (source: CertificateSource | string, reason?: string) =>
      this.http.put<AlertMute>(`/alerts/mutes/${seg(source)}`, reason === undefined ? undefined : { reason }),
    unmute: (source: CertificateSource | string) => this.http.delete(`/alerts/mutes/${seg(source)}`),
  };

  subscriptions = {
    list: () => this.http.get<AlertSubscriptionView[]>('/alert-subscriptions'),
    create: (body: AlertSubscriptionBody) => this.http.post<AlertSubscriptionView>('/alert-subscriptions', body),
    delete: (id: string) => this.http.delete(`/alert-subscriptions/${seg(id)}`),
  };

  connectivity = {
    tls: (body: ConnectivityBody) => this.http.post<ConnectivityResult>('/connectivity/tls', body),
    chainZip: (body: ConnectivityBody) => this.http.download('POST', '/connectivity/tls', { body, query: { download: 'zip' } }),
  };

  logs = {
    read: async <K extends LogKind>(kind: K, filters: LogFilters, signal?: AbortSignal): Promise<LogPage<LogRecordOf[K]>> => {
      const res: JsonResponse<LogRecordOf[K][]> = await this.http.json('GET', LOG_PATHS[kind], { query: filters as Query, signal });
      const nextCursor = res.headers.get('x-next-cursor') ?? undefined;
      return { records: res.body, ...(nextCursor && { nextCursor }) };
    },
  };

  audit = {
    read: async (filters: AuditFilters & { limit?: number; cursor?: string }): Promise<{ records: AuditListed[]; nextCursor?: string }> => {
      const res: JsonResponse<AuditListed[]> = await this.http.json('GET', '/audit', { query: filters as Query });
      const nextCursor = res.headers.get('x-next-cursor') ?? undefined;
      return { records: res.body, ...(nextCursor && { nextCursor }) };
    },
    export: (filters: AuditFilters) => this.http.download('GET', '/audit/export', { query: filters as Query }),
  };

  oauth = {
    signingKeys: () => this.http.get<SigningKeys>('/oauth/signing-keys'),
    rotate: (dropPrevious?: boolean) => this.http.post<SigningKeys>('/oauth/signing-keys/rotate', dropPrevious ? { dropPrevious: true } : undefined),
  };
}

export type { Download };
