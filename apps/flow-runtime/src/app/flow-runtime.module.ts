import { Module } from '@nestjs/common';
import { FlowsModule } from './flows/flows.module';
import { InvokeModule } from './invoke/invoke.module';

/**
 * The runtime's features, without the platform wiring (env, logging, NATS), so specs
 * can run several replicas in one process with their own node ids.
 */
@Module({ imports: [FlowsModule, InvokeModule] })
export class FlowRuntimeModule {}
