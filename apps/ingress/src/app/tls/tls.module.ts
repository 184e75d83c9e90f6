import { Module } from '@nestjs/common';
import { ServerChainHandler } from './server-chain.handler';
import { ServerIdentity } from './server-identity.service';

@Module({
  providers: [ServerIdentity, ServerChainHandler],
  exports: [ServerIdentity],
})
export class TlsModule {}
