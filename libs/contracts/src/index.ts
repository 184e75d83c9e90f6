export { TENANT_PATTERN, DEFAULT_TENANT, assertTenant } from './tenant';
export { SERVICE_NAMES, DEFAULT_METRICS_PORTS, type ServiceName } from './services';
export { Subjects, tenantSubject, queueGroup } from './subjects';
export { Buckets, Streams, tenantBucket, tenantStream, tenantResourcePrefix, type BucketName, type StreamName } from './names';
export { ErrorCode, HTTP_STATUS_OF, CertgateError, chainFailureCode, errorBodySchema, errorMessage, type ErrorBody } from './errors';
export {
  rpcReplySchema,
  rpcContract,
  eventContract,
  isContract,
  type RpcReply,
  type RpcContract,
  type AnyRpcContract,
  type EventContract,
  type AnyEventContract,
} from './rpc';
export { healthRequestSchema, healthReplySchema, healthContract, healthDiscoverContract, type HealthReply } from './health';
export {
  NAME_PATTERN,
  ROLE_NAME_PATTERN,
  nameSchema,
  roleNameSchema,
  pemSchema,
  certificateInfoSchema,
  emptySchema,
  voidSchema,
  downloadFileSchema,
  type CertificateInfo,
  type DownloadFile,
} from './common';
export * from './identity/model';
export { IdentityRpc } from './identity/rpc';
export * from './identity/classic';
export * from './keystore/model';
export * from './keystore/rpc';
export * from './keystore/key-material';
export * from './keystore/connectivity';
export * from './flows/model';
export { FlowsRpc } from './flows/rpc';
export * from './runtime/envelope';
export * from './logs/records';
export * from './ingress/model';
export { describeIssues, fieldPath, validationFailure } from './validation';
export * from './oauth/model';
export * from './oauth/rpc';
export { runtimeStateSchema, runtimeStateContract, type RuntimeState } from './runtime/state';
export * from './keystore/api';
export * from './alerts/model';
export * from './alerts/rpc';
export * from './config/tenant-configuration';
export * from './operators/permissions';
export * from './operators/model';
export * from './operators/rpc';
export * from './operators/session';
export * from './audit';
export { LIMITS } from './limits';
