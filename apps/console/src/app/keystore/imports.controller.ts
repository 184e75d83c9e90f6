import { Body, Controller, Post, UseGuards } from '@nestjs/common';
import { addCertificateBodySchema, ErrorCode, importPkcs12BodySchema, KeystoreRpc } from '@certgate/contracts';
import { CertgateClient } from '@certgate/messaging';
import { AdminTokenGuard } from '../common/admin-token.guard';
import { AdminApi, ApiBodyFrom, ApiErrors, ApiJsonResponse, Summary } from '../common/openapi';
import * as ex from '../common/openapi-examples';
import { ZodBody } from '../common/zod-body.pipe';
import { Requires } from '../common/requires.decorator';

/** Entries that come from elsewhere: a trusted certificate, or a key pair in a PKCS#12 file. */
@AdminApi('keystore')
@UseGuards(AdminTokenGuard)
@Controller('keystore')
export class KeystoreImportsController {
  constructor(private readonly rpc: CertgateClient) {}

  @Requires('keystore:write')
  @Post('certificates')
  @Summary('Add a trusted certificate (e.g. the root of a receiver); receiver calls and connectivity tests trust it')
  @ApiBodyFrom(addCertificateBodySchema, {
    root: { summary: "a receiver's root CA certificate", value: { alias: 'erp-root', certificate: ex.EXAMPLE_CERTIFICATE_PEM } },
  })
  @ApiJsonResponse(201, KeystoreRpc.addTrustedCertificate.response, { description: 'the entry', example: ex.certificateEntry })
  @ApiErrors(ErrorCode.certificateInvalid, ErrorCode.certificateIsChain, ErrorCode.aliasTaken, ErrorCode.systemKeyProtected)
  addCertificate(@Body(new ZodBody(addCertificateBodySchema)) body: typeof addCertificateBodySchema._output) {
    return this.rpc.request(KeystoreRpc.addTrustedCertificate, { alias: body.alias, certificatePem: body.certificate });
  }

  @Requires('keystore:write')
  @Post('pkcs12')
  @Summary('Import a key pair from a PKCS#12 file (base64) with its password; legacy RC2/3DES files are refused with advice')
  @ApiBodyFrom(importPkcs12BodySchema, {
    pkcs12: {
      summary: 'the base64 text of a .p12 file (`base64 -w0 file.p12`)',
      value: { alias: 'partner-key', password: 'changeit', pkcs12: 'MIIJmQIBAzCCCV8GCSqGSIb3DQEHAaCCCVAEgglMMIIJSDCCA/8GCSqGSIb3DQEHBqCCA/AwggPsAgEA' },
    },
  })
  @ApiJsonResponse(201, KeystoreRpc.importPkcs12.response, { description: 'the entry', example: { ...ex.keyPairEntry, alias: 'partner-key' } })
  @ApiErrors(ErrorCode.pkcs12Invalid, ErrorCode.pkcs12LegacyAlgorithm, ErrorCode.pkcs12NoPrivateKey, ErrorCode.keyMismatch, ErrorCode.aliasTaken)
  importPkcs12(@Body(new ZodBody(importPkcs12BodySchema)) body: typeof importPkcs12BodySchema._output) {
    return this.rpc.request(KeystoreRpc.importPkcs12, { alias: body.alias, password: body.password, pkcs12Base64: body.pkcs12 }, { timeoutMs: 20_000 });
  }
}
