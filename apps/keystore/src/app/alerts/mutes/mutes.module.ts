import { Module } from '@nestjs/common';
import { StoreModule } from '../../store/store.module';
import { ClockModule } from '../clock/clock';
import { RaisingModule } from '../raising/raising.module';
import { MutesHandler } from './mutes.handler';

@Module({
  imports: [ClockModule, RaisingModule, StoreModule],
  controllers: [MutesHandler],
})
export class MutesModule {}
