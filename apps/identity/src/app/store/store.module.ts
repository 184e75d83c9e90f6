import { Module } from '@nestjs/common';
import { FlowRecords } from './flow-records';
import { IdentityRecords } from './identity-records';

@Module({
  providers: [IdentityRecords, FlowRecords],
  exports: [IdentityRecords, FlowRecords],
})
export class StoreModule {}
