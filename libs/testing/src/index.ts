export * from './pki';
export { startNatsHarness, type NatsHarness, type NatsHarnessOptions } from './nats/nats-harness';
export {
  composeAvailability,
  COMPOSE_IMAGES,
  dockerNatsAvailable,
  natsContainerUnavailable,
  NATS_TEST_IMAGE,
  useLocalTestcontainers,
  type ComposeAvailability,
} from './nats/docker-engine';
export { uniqueTenant } from './nats/tenant';
export { startContainerSuiteNats } from './nats/container-suite';
export { startNatsProcess, natsServerBinary, type NatsProcess } from './nats/nats-process';
export { startNatsCluster, type NatsCluster, type NatsClusterNode, type NatsClusterOptions } from './nats/nats-cluster';
export { freePort } from './net/free-port';
export { startOidcProvider, type OidcProviderOptions, type OidcTestAccount, type OidcTestClient, type OidcTestProvider } from './oidc/oidc-provider';
export {
  launchServices,
  serviceCommand,
  SERVICE_NODE_FLAGS,
  REPO_ROOT,
  type LaunchedService,
  type LaunchedSystem,
  type LaunchOptions,
} from './launcher/service-launcher';
export { certgateFailure, defined, commandAvailable, waitFor } from './assertions';
export { measurePropagation, runtimeStates, bucketRevision, type Propagation, type WatchedBucket } from './propagation';
export { OpenApiResponseValidator, checkExchanges, type OpenApiDocument, type RecordedExchange } from './openapi/response-validator';
export { ExchangeRecorder, type RecordOptions } from './openapi/exchange-recorder';
export { recordBrowserExchanges, type BrowserPage, type BrowserResponse } from './openapi/browser-exchanges';
export { ALL_SERVICES, startSystem, checkExchangesAndStop, type RunningSystem, type StartSystemOptions } from './system';
export { CHROMIUM, CHROMIUM_FLAGS, describeInBrowser, launchChromium } from './browser/chromium';
export { untilConsoleUp, operatorWithToken, type AdminCall, type ConsoleAnswer } from './console/console-operators';
