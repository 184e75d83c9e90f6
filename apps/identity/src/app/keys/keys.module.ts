import { Module } from '@nestjs/common';
import { StoreModule } from '../store/store.module';
import { CertIndexService } from './cert-index';
import { GeneratedCertificateService } from './generated-certificate';
import { KeysHandler } from './keys.handler';
import { KeysService } from './keys.service';

@Module({
  imports: [StoreModule],
  controllers: [KeysHandler],
  providers: [KeysService, CertIndexService, GeneratedCertificateService],
  exports: [KeysService],
})
export class KeysModule {}
