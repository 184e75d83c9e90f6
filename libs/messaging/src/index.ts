export * from './core';
export { MessagingModule, type MessagingModuleAsyncOptions } from './nest/messaging.module';
export { RpcHandler } from './nest/rpc-handler.decorator';
export { HealthResponder, type HealthCheckFn } from './nest/health.responder';
export { NATS_CONNECTION, MESSAGING_OPTIONS, type MessagingOptions } from './nest/tokens';
export { nestMessagingLogger } from './nest/nest-logger.adapter';
