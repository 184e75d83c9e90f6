import { Module } from '@nestjs/common';
import { CertificateInventory } from './certificate-inventory';
import { IngressCertificates } from './ingress-certificates';

@Module({
  providers: [IngressCertificates, CertificateInventory],
  exports: [CertificateInventory],
})
export class InventoryModule {}
