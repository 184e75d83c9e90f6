import { Module } from '@nestjs/common';
import { StoreModule } from '../store/store.module';
import { ProvisioningService } from './provisioning.service';

@Module({
  imports: [StoreModule],
  providers: [ProvisioningService],
})
export class ProvisioningModule {}
