import { Module } from '@nestjs/common';
import { ClockModule } from '../alerts/clock/clock';
import { RaisingModule } from '../alerts/raising/raising.module';
import { StoreModule } from '../store/store.module';
import { ClientCaRenewal } from './client-ca-renewal.service';
import { ClientCaHandler } from './client-ca.handler';
import { ClientCaService } from './client-ca.service';

@Module({
  imports: [StoreModule, ClockModule, RaisingModule],
  providers: [ClientCaService, ClientCaRenewal],
  controllers: [ClientCaHandler],
  exports: [ClientCaRenewal],
})
export class ClientCaModule {}
