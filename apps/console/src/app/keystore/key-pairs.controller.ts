import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, StreamableFile, UseGuards } from '@nestjs/common';
import { ErrorCode, importChainBodySchema, KeystoreRpc, startRenewalBodySchema } from '@certgate/contracts';
import { CertgateClient } from '@certgate/messaging';
import { AdminTokenGuard } from '../common/admin-token.guard';
import {
  AdminApi,
  ApiBodyFrom,
  ApiErrors,
  ApiFileResponse,
  ApiJsonResponse,
  ApiNoContentResponse,
  ATTACHMENT_HEADER,
  CHAIN_CODES,
  Summary,
} from '../common/openapi';
import * as ex from '../common/openapi-examples';
import { ZodBody } from '../common/zod-body.pipe';
import { Requires } from '../common/requires.decorator';

const generate = KeystoreRpc.generateKeyPair.request;
/** An RSA 4096 key takes seconds to generate on a small machine. */
const KEY_GENERATION = { timeoutMs: 30_000 };

/** What an operation on a key pair's private key refuses: no such entry, a trusted certificate, the client CA. */
const KEY_PAIR_CODES = [ErrorCode.entryNotFound, ErrorCode.notAKeyPair, ErrorCode.clientCaProtected];
const CHAIN_IMPORT_CODES = [...KEY_PAIR_CODES, ErrorCode.keyMismatch, ...CHAIN_CODES, ErrorCode.concurrentChange];
const chainBody = { chain: { summary: "the CA's signed chain, leaf first", value: { chain: ex.CHAIN_PEM } } };
const ApiCsrResponse = (what: string) =>
  ApiFileResponse(
    200,
    what,
    { 'application/pkcs10': { text: 'PKCS#10 certificate signing request as PEM', example: ex.CSR_PEM } },
    { headers: ATTACHMENT_HEADER },
  );

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

  @Requires('keystore:write')
  @Post()
  @Summary('Generate a key pair (RSA 2048/3072/4096 or EC P-256/P-384); self-signed until its CA chain is imported')
  @ApiBodyFrom(generate, {
    EC: { summary: 'an EC P-256 key pair', value: { alias: 'to-erp', keyType: 'EC', curve: 'P-256', subjectDN: 'CN=acme-tenant, O=Acme', validityDays: 365 } },
    RSA: { summary: 'an RSA 3072 key pair', value: { alias: 'to-legacy', keyType: 'RSA', keySize: 3072, subjectDN: 'CN=acme-tenant, O=Acme, C=DE' } },
  })
  @ApiJsonResponse(201, KeystoreRpc.generateKeyPair.response, { description: 'the entry, self-signed', example: ex.newKeyPairEntry })
  @ApiErrors(ErrorCode.aliasTaken, ErrorCode.subjectDnInvalid)
  create(@Body(new ZodBody(generate)) body: typeof generate._output) {
    return this.rpc.request(KeystoreRpc.generateKeyPair, body, KEY_GENERATION);
  }

  @Requires('keystore:read')
  @Get(':alias/csr')
  @Summary('PKCS#10 certificate signing request for the key pair, as PEM')
  @ApiCsrResponse('the CSR (`<alias>.csr`)')
  @ApiErrors(...KEY_PAIR_CODES)
  csr(@Param('alias') alias: string) {
    return this.csrOf(alias, false);
  }

  @Requires('keystore:write')
  @Put(':alias/chain')
  @Summary("Import the CA's signed chain, leaf first: the leaf must match the private key and the chain must verify")
  @ApiBodyFrom(importChainBodySchema, chainBody)
  @ApiJsonResponse(200, KeystoreRpc.importChain.response, { description: 'the entry with its chain', example: ex.keyPairEntry })
  @ApiErrors(...CHAIN_IMPORT_CODES)
  importChain(@Param('alias') alias: string, @Body(new ZodBody(importChainBodySchema)) body: typeof importChainBodySchema._output) {
    return this.rpc.request(KeystoreRpc.importChain, { alias, renewal: false, chainPem: body.chain });
  }

  @Requires('keystore:write')
  @Post(':alias/renewal')
  @Summary('Start a renewal: a new pending key pair beside the current one (subject and validity default to the current)')
  @ApiBodyFrom(startRenewalBodySchema, {
    EC: { summary: 'a new EC P-256 key, same subject and validity', value: { keyType: 'EC', curve: 'P-256' } },
    RSA: {
      summary: 'a new RSA key with another subject',
      value: { keyType: 'RSA', keySize: 2048, subjectDN: 'CN=acme-tenant-2025, O=Acme', validityDays: 730 },
    },
  })
  @ApiJsonResponse(201, KeystoreRpc.startRenewal.response, {
    description: 'the entry with `pending`; the current pair keeps serving',
    example: ex.renewingEntry,
  })
  @ApiErrors(...KEY_PAIR_CODES, ErrorCode.renewalPending, ErrorCode.subjectDnInvalid, ErrorCode.concurrentChange)
  startRenewal(@Param('alias') alias: string, @Body(new ZodBody(startRenewalBodySchema)) body: typeof startRenewalBodySchema._output) {
    return this.rpc.request(KeystoreRpc.startRenewal, { ...body, alias }, KEY_GENERATION);
  }

  @Requires('keystore:read')
  @Get(':alias/renewal/csr')
  @Summary('CSR of the pending renewal key pair')
  @ApiCsrResponse('the CSR of the pending pair (`<alias>-renewal.csr`)')
  @ApiErrors(...KEY_PAIR_CODES, ErrorCode.renewalNotFound)
  renewalCsr(@Param('alias') alias: string) {
    return this.csrOf(alias, true);
  }

  @Requires('keystore:write')
  @Put(':alias/renewal/chain')
  @Summary('Import the signed chain of the pending renewal key pair')
  @ApiBodyFrom(importChainBodySchema, chainBody)
  @ApiJsonResponse(200, KeystoreRpc.importChain.response, { description: 'the entry; `pending` has the chain', example: ex.renewingEntry })
  @ApiErrors(...CHAIN_IMPORT_CODES, ErrorCode.renewalNotFound)
  importRenewalChain(@Param('alias') alias: string, @Body(new ZodBody(importChainBodySchema)) body: typeof importChainBodySchema._output) {
    return this.rpc.request(KeystoreRpc.importChain, { alias, renewal: true, chainPem: body.chain });
  }

  @Requires('keystore:write')
  @Post(':alias/renewal/activate')
  @HttpCode(200)
  @Summary('Activate the renewal: the pending key pair replaces the current one under the same alias')
  @ApiJsonResponse(200, KeystoreRpc.activateRenewal.response, { description: 'the entry with the renewed pair', example: ex.keyPairEntry })
  @ApiErrors(...KEY_PAIR_CODES, ErrorCode.renewalNotFound, ErrorCode.concurrentChange)
  activate(@Param('alias') alias: string) {
    return this.rpc.request(KeystoreRpc.activateRenewal, { alias });
  }

  @Requires('keystore:write')
  @Delete(':alias/renewal')
  @HttpCode(204)
  @Summary('Drop the pending renewal key pair')
  @ApiNoContentResponse('dropped')
  @ApiErrors(...KEY_PAIR_CODES, ErrorCode.renewalNotFound, ErrorCode.concurrentChange)
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
