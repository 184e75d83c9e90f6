import { Module } from '@nestjs/common';
import { StoreModule } from '../store/store.module';
import { ClientCaHandler } from './client-ca.handler';
import { ClientCaService } from './client-ca.service';

@Module({
  imports: [StoreModule],
  providers: [ClientCaService],
  controllers: [ClientCaHandler],
})
export class ClientCaModule {}
