import { Module } from '@nestjs/common';
import { StoreModule } from '../store/store.module';
import { RenewalHandler } from './renewal.handler';
import { RenewalService } from './renewal.service';

@Module({
  imports: [StoreModule],
  providers: [RenewalService],
  controllers: [RenewalHandler],
})
export class RenewalModule {}
