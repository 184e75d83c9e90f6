export { TENANT_PATTERN, DEFAULT_TENANT, assertTenant } from './tenant';
export { SERVICE_NAMES, DEFAULT_METRICS_PORTS, type ServiceName } from './services';
export { Subjects, tenantSubject, queueGroup } from './subjects';
export { Buckets, Streams, tenantBucket, tenantStream, tenantResourcePrefix, type BucketName, type StreamName } from './names';
export { ErrorCode, HTTP_STATUS_OF, CertgateError, errorBodySchema, type ErrorBody } from './errors';
export { rpcReplySchema, rpcContract, type RpcReply, type RpcContract, type AnyRpcContract } from './rpc';
export { healthRequestSchema, healthReplySchema, healthContract, healthDiscoverContract, type HealthReply } from './health';
