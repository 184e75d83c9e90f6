import { Controller, Delete, Get, HttpCode, Param, Query, UseGuards } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { KeystoreRpc } from '@certgate/contracts';
import { RpcClient } from '@certgate/messaging';
import { AdminTokenGuard } from '../common/admin-token.guard';
import { AdminApi, ApiResponseFrom, Summary } from '../common/openapi';

@AdminApi('keystore')
@UseGuards(AdminTokenGuard)
@Controller('keystore/entries')
export class KeystoreController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Summary('Keystore entries (never a private key)')
  @ApiResponseFrom(KeystoreRpc.listEntries.response)
  async list() {
    return (await this.rpc.request(KeystoreRpc.listEntries, {})).entries;
  }

  @Get(':alias')
  @Summary('One keystore entry')
  get(@Param('alias') alias: string) {
    return this.rpc.request(KeystoreRpc.getEntry, { alias });
  }

  @Delete(':alias')
  @HttpCode(204)
  @Summary('Delete an entry; the system key pair only with ?force=true (turns client-certificate authentication off)')
  @ApiQuery({ name: 'force', required: false })
  async remove(@Param('alias') alias: string, @Query('force') force?: string): Promise<void> {
    await this.rpc.request(KeystoreRpc.deleteEntry, { alias, force: force === 'true' });
  }
}
