import { Module } from '@nestjs/common';
import { PlatformModule } from '@certgate/platform';
import { HttpModule } from './http/http.module';
import { ingressEnvSchema } from './ingress-env';

@Module({
  imports: [PlatformModule.forService('ingress', ingressEnvSchema), HttpModule],
})
export class IngressAppModule {}
