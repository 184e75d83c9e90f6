import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { z } from 'zod';
import { ErrorCode, KeystoreRpc } from '@certgate/contracts';
import { CertgateClient } from '@certgate/messaging';
import { AdminTokenGuard } from '../common/admin-token.guard';
import { AdminApi, ApiBodyFrom, ApiErrors, ATTACHMENT_HEADER, binarySchema, jsonSchemaOf, Summary } from '../common/openapi';
import * as ex from '../common/openapi-examples';
import { ParsedQuery, QueryParams } from '../common/query-params';
import { ZodBody } from '../common/zod-body.pipe';
import { downloadOf } from '../common/download';
import { Requires } from '../common/requires.decorator';

const testRequest = KeystoreRpc.connectivityTls.request;
const downloadQuery = z.object({ download: z.enum(['zip'], { error: "download must be 'zip'" }).optional() });

@AdminApi('connectivity')
@UseGuards(AdminTokenGuard)
@Controller('connectivity')
export class ConnectivityController {
  constructor(private readonly rpc: CertgateClient) {}

  @Requires('connectivity:test')
  @Post('tls')
  @HttpCode(200)
  @Summary('TLS handshake to host:port: protocol, cipher, peer chain, client-certificate request, validation against the keystore')
  @ApiBodyFrom(testRequest, {
    receiver: {
      summary: 'a receiver, presenting a key pair of the keystore',
      value: { host: 'erp.example', port: 9443, validateServerCertificate: true, keyAlias: 'to-erp', timeoutMs: 5000 },
    },
    ingress: { summary: "the ingress' own chain, without validating it", value: { host: '127.0.0.1', port: 8443, validateServerCertificate: false } },
  })
  @ApiResponse({
    status: 200,
    description: 'The test result as JSON; with `?download=zip` the peer chain as numbered DER `.cer` files in a zip',
    headers: ATTACHMENT_HEADER,
    content: {
      'application/json': { schema: jsonSchemaOf(KeystoreRpc.connectivityTls.response, 'output'), example: ex.connectivityResult },
      'application/zip': { schema: binarySchema('application/zip', 'the peer chain, leaf first, as `1.cer`, `2.cer`, ...') },
    },
  })
  @QueryParams(downloadQuery, { download: "'zip': the peer chain as .cer files instead of JSON" })
  @ApiErrors(ErrorCode.keyAliasUnknown, ErrorCode.keyMismatch, ErrorCode.clientCaProtected, ErrorCode.unreachable)
  async tls(@Body(new ZodBody(testRequest)) body: typeof testRequest._output, @ParsedQuery() query: z.output<typeof downloadQuery>) {
    // The keystore may need two handshakes (the TLS 1.2 probe for the CA names, then the real one).
    const timeout = { timeoutMs: 2 * body.timeoutMs + 2_000 };
    if (query.download === 'zip') return downloadOf(await this.rpc.request(KeystoreRpc.connectivityChainZip, body, timeout));
    return this.rpc.request(KeystoreRpc.connectivityTls, body, timeout);
  }
}
