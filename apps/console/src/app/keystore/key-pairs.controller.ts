import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiProduces } from '@nestjs/swagger';
import { importChainBodySchema, KeystoreRpc, startRenewalBodySchema } from '@certgate/contracts';
import { CertgateClient } from '@certgate/messaging';
import { AdminTokenGuard } from '../common/admin-token.guard';
import { AdminApi, ApiBodyFrom, ApiResponseFrom, Summary } from '../common/openapi';
import { ZodBody } from '../common/zod-body.pipe';

const generate = KeystoreRpc.generateKeyPair.request;
/** An RSA 4096 key takes seconds to generate on a small machine. */
const KEY_GENERATION = { timeoutMs: 30_000 };

/**
 * The outbound certificate procedure: generate → CSR → have a CA sign it → import the
 * chain. A renewal runs the same steps on a pending pair beside the current one, which
 * keeps serving until the renewal is activated under the same alias.
 */
@AdminApi('keystore')
@UseGuards(AdminTokenGuard)
@Controller('keystore/key-pairs')
export class KeyPairsController {
  constructor(private readonly rpc: CertgateClient) {}

  @Post()
  @Summary('Generate a key pair (RSA 2048/3072/4096 or EC P-256/P-384); self-signed until its CA chain is imported')
  @ApiBodyFrom(generate)
  @ApiResponseFrom(KeystoreRpc.generateKeyPair.response)
  create(@Body(new ZodBody(generate)) body: typeof generate._output) {
    return this.rpc.request(KeystoreRpc.generateKeyPair, body, KEY_GENERATION);
  }

  @Get(':alias/csr')
  @Summary('PKCS#10 certificate signing request for the key pair, as PEM')
  @ApiProduces('application/pkcs10')
  csr(@Param('alias') alias: string) {
    return this.csrOf(alias, false);
  }

  @Put(':alias/chain')
  @Summary("Import the CA's signed chain, leaf first: the leaf must match the private key and the chain must verify")
  @ApiBodyFrom(importChainBodySchema)
  @ApiResponseFrom(KeystoreRpc.importChain.response)
  importChain(@Param('alias') alias: string, @Body(new ZodBody(importChainBodySchema)) body: typeof importChainBodySchema._output) {
    return this.rpc.request(KeystoreRpc.importChain, { alias, renewal: false, chainPem: body.chain });
  }

  @Post(':alias/renewal')
  @Summary('Start a renewal: a new pending key pair beside the current one (subject and validity default to the current)')
  @ApiBodyFrom(startRenewalBodySchema)
  @ApiResponseFrom(KeystoreRpc.startRenewal.response)
  startRenewal(@Param('alias') alias: string, @Body(new ZodBody(startRenewalBodySchema)) body: typeof startRenewalBodySchema._output) {
    return this.rpc.request(KeystoreRpc.startRenewal, { ...body, alias }, KEY_GENERATION);
  }

  @Get(':alias/renewal/csr')
  @Summary('CSR of the pending renewal key pair')
  @ApiProduces('application/pkcs10')
  renewalCsr(@Param('alias') alias: string) {
    return this.csrOf(alias, true);
  }

  @Put(':alias/renewal/chain')
  @Summary('Import the signed chain of the pending renewal key pair')
  @ApiBodyFrom(importChainBodySchema)
  @ApiResponseFrom(KeystoreRpc.importChain.response)
  importRenewalChain(@Param('alias') alias: string, @Body(new ZodBody(importChainBodySchema)) body: typeof importChainBodySchema._output) {
    return this.rpc.request(KeystoreRpc.importChain, { alias, renewal: true, chainPem: body.chain });
  }

  @Post(':alias/renewal/activate')
  @HttpCode(200)
  @Summary('Activate the renewal: the pending key pair replaces the current one under the same alias')
  @ApiResponseFrom(KeystoreRpc.activateRenewal.response)
  activate(@Param('alias') alias: string) {
    return this.rpc.request(KeystoreRpc.activateRenewal, { alias });
  }

  @Delete(':alias/renewal')
  @HttpCode(204)
  @Summary('Drop the pending renewal key pair')
  async cancel(@Param('alias') alias: string): Promise<void> {
    await this.rpc.request(KeystoreRpc.cancelRenewal, { alias });
  }

  private async csrOf(alias: string, renewal: boolean): Promise<StreamableFile> {
    const { csrPem } = await this.rpc.request(KeystoreRpc.getCsr, { alias, renewal });
    return new StreamableFile(Buffer.from(csrPem, 'utf8'), {
      type: 'application/pkcs10',
      disposition: `attachment; filename="${alias}${renewal ? '-renewal' : ''}.csr"`,
    });
  }
}
