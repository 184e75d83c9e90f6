import { Module } from '@nestjs/common';
import { PlatformModule } from '@certgate/platform';
import { flowRuntimeEnvSchema } from './flow-runtime-env';
import { FlowRuntimeModule } from './flow-runtime.module';

@Module({
  imports: [PlatformModule.forService('flow-runtime', flowRuntimeEnvSchema), FlowRuntimeModule],
})
export class FlowRuntimeAppModule {}
