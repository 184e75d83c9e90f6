import { Module } from '@nestjs/common';
import { FlowCache } from './flow-cache';
import { PrincipalCache } from './principal-cache';
import { RuntimeStateHandler } from './runtime-state.handler';
import { SystemKeyCache } from './system-key-cache';

/** The replica's in-memory view of identity, flows and the system key pair, fed by KV watches. */
@Module({
  providers: [PrincipalCache, FlowCache, SystemKeyCache, RuntimeStateHandler],
  exports: [PrincipalCache, FlowCache, SystemKeyCache],
})
export class StateModule {}
