import { Module } from '@nestjs/common';
import { FlowsReader } from './flows-reader';
import { IdentityStore } from './identity-store';

@Module({
  providers: [IdentityStore, FlowsReader],
  exports: [IdentityStore, FlowsReader],
})
export class StoreModule {}
