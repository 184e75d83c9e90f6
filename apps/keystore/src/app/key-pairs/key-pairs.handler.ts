import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { KeystoreRpc, type GenerateKeyPairRequest, type KeystoreEntryView } from '@certgate/contracts';
import { KeyPairsService, type KeyPairTarget } from './key-pairs.service';

@Controller()
export class KeyPairsHandler {
  constructor(private readonly keyPairs: KeyPairsService) {}

  @MessagePattern(KeystoreRpc.generateKeyPair)
  generate(body: GenerateKeyPairRequest): Promise<KeystoreEntryView> {
    return this.keyPairs.generate(body);
  }

  @MessagePattern(KeystoreRpc.getCsr)
  csr(body: KeyPairTarget): Promise<{ alias: string; csrPem: string }> {
    return this.keyPairs.csr(body);
  }

  @MessagePattern(KeystoreRpc.importChain)
  importChain(body: KeyPairTarget & { chainPem: string }): Promise<KeystoreEntryView> {
    return this.keyPairs.importChain(body);
  }
}
