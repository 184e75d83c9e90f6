import { Module } from '@nestjs/common';
import { MplModule } from '../mpl/mpl.module';
import { ReceiverModule } from '../receiver/receiver.module';
import { StateModule } from '../state/state.module';
import { InvokeHandler } from './invoke.handler';
import { InvokeService } from './invoke.service';

@Module({
  imports: [StateModule, MplModule, ReceiverModule],
  providers: [InvokeService],
  controllers: [InvokeHandler],
})
export class InvokeModule {}
