import { Module } from '@nestjs/common';
import { ClockModule } from '../alerts/clock/clock';
import { RaisingModule } from '../alerts/raising/raising.module';
import { StoreModule } from '../store/store.module';
import { SystemKeyRenewal } from './system-key-renewal.service';
import { SystemKeyHandler } from './system-key.handler';

@Module({
  imports: [StoreModule, ClockModule, RaisingModule],
  controllers: [SystemKeyHandler],
  providers: [SystemKeyRenewal],
  exports: [SystemKeyRenewal],
})
export class SystemKeyModule {}
