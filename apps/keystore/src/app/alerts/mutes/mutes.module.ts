import { Module } from '@nestjs/common';
import { ClockModule } from '../clock/clock';
import { RaisingModule } from '../raising/raising.module';
import { MutesHandler } from './mutes.handler';

@Module({
  imports: [ClockModule, RaisingModule],
  providers: [MutesHandler],
})
export class MutesModule {}
