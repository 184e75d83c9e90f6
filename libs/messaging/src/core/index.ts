export { connectNats, type ConnectOptions } from './connect';
export { RpcClient, DEFAULT_REQUEST_TIMEOUT_MS } from './rpc-client';
export { serveRpc, type RpcHandlerFn, type ServeOptions } from './rpc-server';
export { ensureKv, ensureStream, kvCreateUnique, removeTenantResources, type KvOptions, type StreamLimits } from './jetstream';
export { toError, requestFailure, jetStreamErrorCode } from './errors';
export { encodeJson, decodeJson } from './codec';
export { type MessagingLogger, silentLogger } from './logger';
export { KvCache, type KvCacheOptions } from './kv-cache';
export { readStreamTail } from './stream-tail';
