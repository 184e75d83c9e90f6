import { Module } from '@nestjs/common';
import { PlatformModule } from '@certgate/platform';
import { IngressServer } from './http/ingress-server';
import { ingressEnvSchema } from './ingress-env';

@Module({
  imports: [PlatformModule.forService('ingress', ingressEnvSchema)],
  providers: [IngressServer],
})
export class IngressAppModule {}
