import { Controller, Inject } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { KeystoreRpc, type SystemKeyStatus } from '@certgate/contracts';
import { SERVICE_ENV } from '@certgate/platform';
import { findEntry } from '../common/entry-lookup';
import type { KeystoreEnv } from '../keystore-env';
import { KeystoreRecords } from '../store/keystore-records';
import { systemKeyStatus } from './system-key-status';

@Controller()
export class SystemKeyHandler {
  constructor(
    private readonly records: KeystoreRecords,
    @Inject(SERVICE_ENV) private readonly env: KeystoreEnv,
  ) {}

  @MessagePattern(KeystoreRpc.systemKeyStatus)
  async status(): Promise<SystemKeyStatus> {
    const alias = this.env.CERTGATE_SYSTEM_KEY_ALIAS;
    return systemKeyStatus(alias, this.env.CERTGATE_TENANT_PLAN, await findEntry(this.records.entries, alias), new Date());
  }
}
