import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { KeystoreRpc, type KeyMaterial, type KeyMaterialRequest } from '@certgate/contracts';
import { KeyMaterialService } from './key-material.service';

@Controller()
export class KeyMaterialHandler {
  constructor(private readonly keyMaterial: KeyMaterialService) {}

  @MessagePattern(KeystoreRpc.keyMaterial)
  get(body: KeyMaterialRequest): Promise<KeyMaterial> {
    return this.keyMaterial.keyMaterial(body);
  }
}
