export * from './pki';
export { startNatsHarness, type NatsHarness, type NatsHarnessOptions } from './nats/nats-harness';
export { dockerNatsAvailable, NATS_TEST_IMAGE } from './nats/docker-engine';
export { uniqueTenant } from './nats/tenant';
export { startNatsProcess, natsServerBinary, type NatsProcess } from './nats/nats-process';
export { freePort } from './net/free-port';
export { launchServices, serviceCommand, SERVICE_NODE_FLAGS, REPO_ROOT, type LaunchedService, type LaunchedSystem, type LaunchOptions } from './launcher/service-launcher';
export { certgateFailure, defined, commandAvailable } from './assertions';
export { measurePropagation, runtimeStates, bucketRevision, type Propagation, type WatchedBucket } from './propagation';
