import { Module } from '@nestjs/common';
import { FlowCache } from './flow-cache';
import { PrincipalCache } from './principal-cache';
import { RuntimeStateHandler } from './runtime-state.handler';
import { SigningKeyCache } from './signing-key-cache';
import { SystemKeyCache } from './system-key-cache';

/** The replica's in-memory view of identity, flows, the system key pair and the token verification keys, fed by KV watches. */
@Module({
  providers: [PrincipalCache, FlowCache, SystemKeyCache, SigningKeyCache, RuntimeStateHandler],
  exports: [PrincipalCache, FlowCache, SystemKeyCache, SigningKeyCache],
})
export class StateModule {}
