import { Module } from '@nestjs/common';
import { StateModule } from '../state/state.module';
import { FlowsHandler } from './flows.handler';
import { FlowsService } from './flows.service';

@Module({
  imports: [StateModule],
  providers: [FlowsService],
  controllers: [FlowsHandler],
})
export class FlowsModule {}
