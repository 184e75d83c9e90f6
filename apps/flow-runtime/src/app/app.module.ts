import { Module } from '@nestjs/common';
import { PlatformModule } from '@certgate/platform';

@Module({
  imports: [PlatformModule.forService('flow-runtime')],
})
export class FlowRuntimeAppModule {}
