import { Module } from '@nestjs/common';
import { StoreModule } from '../store/store.module';
import { TrustedCertificatesHandler } from './trusted-certificates.handler';
import { TrustedCertificatesService } from './trusted-certificates.service';

@Module({
  imports: [StoreModule],
  providers: [TrustedCertificatesService],
  controllers: [TrustedCertificatesHandler],
})
export class TrustedCertificatesModule {}
