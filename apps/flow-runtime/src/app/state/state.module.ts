import { Module } from '@nestjs/common';
import { FlowCache } from './flow-cache';
import { KeystoreEntries } from './keystore-entries';
import { PrincipalCache } from './principal-cache';
import { RuntimeStateHandler } from './runtime-state.handler';
import { SigningKeyCache } from './signing-key-cache';
import { SystemKeyCache } from './system-key-cache';

/** The replica's in-memory view of identity, flows, the keystore entries (public part) and the token verification keys, fed by KV watches. */
@Module({
  providers: [PrincipalCache, FlowCache, KeystoreEntries, SystemKeyCache, SigningKeyCache],
  controllers: [RuntimeStateHandler],
  exports: [PrincipalCache, FlowCache, KeystoreEntries, SystemKeyCache, SigningKeyCache],
})
export class StateModule {}
