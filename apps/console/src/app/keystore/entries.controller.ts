import { Body, Controller, Delete, Get, HttpCode, Param, Post, StreamableFile, UseGuards } from '@nestjs/common';
import { z } from 'zod';
import { certificateFormatSchema, ErrorCode, exportPkcs12BodySchema, KeystoreRpc, renameEntryBodySchema } from '@certgate/contracts';
import { CertgateClient } from '@certgate/messaging';
import { AdminTokenGuard } from '../common/admin-token.guard';
import { AdminApi, ApiBodyFrom, ApiErrors, ApiFileResponse, ApiJsonResponse, ApiNoContentResponse, ATTACHMENT_HEADER, Summary } from '../common/openapi';
import * as ex from '../common/openapi-examples';
import { ParsedQuery, QueryParams } from '../common/query-params';
import { ZodBody } from '../common/zod-body.pipe';
import { downloadOf } from '../common/download';
import { Requires } from '../common/requires.decorator';

const formatQuery = z.object({ format: certificateFormatSchema });
type FormatQuery = z.output<typeof formatQuery>;
const deleteQuery = z.object({ force: z.enum(['true', 'false'], { error: "force must be 'true' or 'false'" }).default('false') });

/** PKCS#12 key derivation and RSA work take a while; the default RPC timeout is for lookups. */
const SLOW_RPC = { timeoutMs: 20_000 };

@AdminApi('keystore')
@UseGuards(AdminTokenGuard)
@Controller('keystore/entries')
export class KeystoreEntriesController {
  constructor(private readonly rpc: CertgateClient) {}

  @Requires('keystore:read')
  @Get()
  @Summary('Keystore entries (never a private key)')
  @ApiJsonResponse(200, KeystoreRpc.listEntries.response.shape.entries, { description: 'every entry', example: [ex.keyPairEntry, ex.certificateEntry] })
  async list() {
    return (await this.rpc.request(KeystoreRpc.listEntries, {})).entries;
  }

  @Requires('keystore:read')
  @Get(':alias')
  @Summary('One keystore entry')
  @ApiJsonResponse(200, KeystoreRpc.getEntry.response, { description: 'the entry', example: ex.keyPairEntry })
  @ApiErrors(ErrorCode.entryNotFound)
  get(@Param('alias') alias: string) {
    return this.rpc.request(KeystoreRpc.getEntry, { alias });
  }

  @Requires('keystore:write')
  @Delete(':alias')
  @HttpCode(204)
  @Summary('Delete an entry; the system key pair only with ?force=true (turns client-certificate authentication off)')
  @QueryParams(deleteQuery, { force: "'true' to delete the system key pair" })
  @ApiNoContentResponse('deleted')
  @ApiErrors(ErrorCode.entryNotFound, ErrorCode.systemKeyProtected, ErrorCode.clientCaProtected)
  async remove(@Param('alias') alias: string, @ParsedQuery() { force }: z.output<typeof deleteQuery>): Promise<void> {
    await this.rpc.request(KeystoreRpc.deleteEntry, { alias, force: force === 'true' });
  }

  @Requires('keystore:read')
  @Get(':alias/certificate')
  @Summary("The entry's certificate: PEM, or DER (.cer) with ?format=der")
  @QueryParams(formatQuery, { format: "'pem' (default) or 'der'" })
  @ApiFileResponse(
    200,
    'PEM text (`?format=pem`, the default) or a DER `.cer` file (`?format=der`)',
    {
      'application/x-pem-file': { text: 'the certificate as PEM', example: ex.EXAMPLE_CERTIFICATE_PEM },
      'application/pkix-cert': { text: 'the certificate as DER' },
    },
    { headers: ATTACHMENT_HEADER },
  )
  @ApiErrors(ErrorCode.entryNotFound)
  certificate(@Param('alias') alias: string, @ParsedQuery() query: FormatQuery) {
    return this.download(alias, 'certificate', query.format);
  }

  @Requires('keystore:read')
  @Get(':alias/chain')
  @Summary("The entry's chain, leaf first: PEM, or DER as a certs-only PKCS#7 (.p7b) with ?format=der")
  @QueryParams(formatQuery, { format: "'pem' (default) or 'der'" })
  @ApiFileResponse(
    200,
    'PEM text, leaf first (`?format=pem`, the default), or a certs-only PKCS#7 `.p7b` file (`?format=der`)',
    {
      'application/x-pem-file': { text: 'the chain as PEM, leaf first', example: ex.CHAIN_PEM },
      'application/pkcs7-mime': { text: 'the chain as a certs-only PKCS#7 (DER)' },
    },
    { headers: ATTACHMENT_HEADER },
  )
  @ApiErrors(ErrorCode.entryNotFound)
  chain(@Param('alias') alias: string, @ParsedQuery() query: FormatQuery) {
    return this.download(alias, 'chain', query.format);
  }

  @Requires('keystore:write')
  @Post(':alias/rename')
  @HttpCode(200)
  @Summary('Rename an alias (not the system key pair or the client CA)')
  @ApiBodyFrom(renameEntryBodySchema, { rename: { summary: 'the new alias', value: { newAlias: 'to-erp-2025' } } })
  @ApiJsonResponse(200, KeystoreRpc.renameEntry.response, {
    description: 'the entry under its new alias',
    example: { ...ex.keyPairEntry, alias: 'to-erp-2025' },
  })
  @ApiErrors(ErrorCode.entryNotFound, ErrorCode.aliasTaken, ErrorCode.systemKeyProtected, ErrorCode.clientCaProtected, ErrorCode.concurrentChange)
  rename(@Param('alias') alias: string, @Body(new ZodBody(renameEntryBodySchema)) body: typeof renameEntryBodySchema._output) {
    return this.rpc.request(KeystoreRpc.renameEntry, { alias, newAlias: body.newAlias });
  }

  @Requires('secrets:export')
  @Post(':alias/pkcs12')
  @HttpCode(200)
  @Summary('Export a key pair with its chain as a PKCS#12 file (AES-256, PBKDF2) under the given password')
  @ApiBodyFrom(exportPkcs12BodySchema, { password: { summary: 'the password of the file', value: { password: 'correct horse battery staple' } } })
  @ApiFileResponse(200, 'the `.p12` file', { 'application/x-pkcs12': { text: 'PKCS#12 (AES-256-CBC, PBKDF2)' } }, { headers: ATTACHMENT_HEADER })
  @ApiErrors(ErrorCode.entryNotFound, ErrorCode.notAKeyPair, ErrorCode.clientCaProtected)
  async exportPkcs12(@Param('alias') alias: string, @Body(new ZodBody(exportPkcs12BodySchema)) body: typeof exportPkcs12BodySchema._output) {
    const { pkcs12Base64 } = await this.rpc.request(KeystoreRpc.exportPkcs12, { alias, password: body.password }, SLOW_RPC);
    return new StreamableFile(Buffer.from(pkcs12Base64, 'base64'), { type: 'application/x-pkcs12', disposition: `attachment; filename="${alias}.p12"` });
  }

  private async download(alias: string, part: 'certificate' | 'chain', format: FormatQuery['format']): Promise<StreamableFile> {
    return downloadOf(await this.rpc.request(KeystoreRpc.downloadCertificate, { alias, part, format }));
  }
}
