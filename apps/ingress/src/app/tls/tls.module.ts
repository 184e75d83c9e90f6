import { Module } from '@nestjs/common';
import { ServerChainHandler } from './server-chain.handler';
import { ServerIdentity } from './server-identity.service';

@Module({
  controllers: [ServerChainHandler],
  providers: [ServerIdentity],
  exports: [ServerIdentity],
})
export class TlsModule {}
