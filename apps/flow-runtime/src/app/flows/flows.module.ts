import { Module } from '@nestjs/common';
import { StateModule } from '../state/state.module';
import { FlowReferences } from './flow-references';
import { FlowsHandler } from './flows.handler';
import { FlowsService } from './flows.service';

@Module({
  imports: [StateModule],
  providers: [FlowsService, FlowReferences],
  controllers: [FlowsHandler],
})
export class FlowsModule {}
