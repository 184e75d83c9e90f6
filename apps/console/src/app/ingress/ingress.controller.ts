import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Put, Res, UseGuards } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorCode, IngressRpc } from '@certgate/contracts';
import { CertgateClient } from '@certgate/messaging';
import { AdminTokenGuard } from '../common/admin-token.guard';
import { AdminApi, ApiBodyFrom, ApiErrors, ApiFileResponse, ApiJsonResponse, ApiNoContentResponse, CHAIN_CODES, Summary } from '../common/openapi';
import * as ex from '../common/openapi-examples';
import { ZodBody } from '../common/zod-body.pipe';
import { Requires } from '../common/requires.decorator';

const putRoots = IngressRpc.putTrustedRoots.request;
const putPolicy = IngressRpc.putRootPolicy.request;
const roots = IngressRpc.getTrustedRoots.response.shape.roots;
const bundle = { roots: { summary: 'a PEM bundle of self-signed CA certificates', value: { certificates: ex.CHAIN_PEM } } };

@AdminApi('ingress')
@UseGuards(AdminTokenGuard)
@Controller('ingress')
export class IngressController {
  constructor(private readonly rpc: CertgateClient) {}

  @Requires('trusted-roots:read')
  @Get('trusted-roots')
  @Summary('Client roots the ingress trusts: configured, managed here, and the tenant client CA')
  @ApiJsonResponse(200, roots, { description: 'every trusted root, with where it comes from (`source`)', example: ex.trustedRoots })
  async roots() {
    return (await this.rpc.request(IngressRpc.getTrustedRoots, {})).roots;
  }

  @Requires('trusted-roots:write')
  @Put('trusted-roots')
  @Summary('Replace the managed trusted roots (self-signed CA certificates only); in force at once, no restart')
  @ApiBodyFrom(putRoots, bundle)
  @ApiJsonResponse(200, IngressRpc.putTrustedRoots.response.shape.roots, { description: 'the roots now in force', example: ex.trustedRoots })
  @ApiErrors(...CHAIN_CODES, ErrorCode.concurrentChange)
  async putRoots(@Body(new ZodBody(putRoots)) body: typeof putRoots._output) {
    return (await this.rpc.request(IngressRpc.putTrustedRoots, body)).roots;
  }

  @Requires('trusted-roots:write')
  @Post('trusted-roots')
  @Summary(
    'Add trusted roots (self-signed CA certificates only) to the managed ones, keeping every root already trusted; 201, or 200 when all were there already',
  )
  @ApiBodyFrom(putRoots, bundle)
  @ApiJsonResponse(201, IngressRpc.addTrustedRoots.response.shape.roots, {
    description: 'at least one root was added: the roots now in force',
    example: ex.trustedRoots,
  })
  @ApiJsonResponse(200, IngressRpc.addTrustedRoots.response.shape.roots, {
    description: 'every root was trusted already: the roots in force',
    example: ex.trustedRoots,
  })
  @ApiErrors(...CHAIN_CODES, ErrorCode.concurrentChange)
  async addRoots(@Body(new ZodBody(putRoots)) body: typeof putRoots._output, @Res({ passthrough: true }) res: Response) {
    const { roots, added } = await this.rpc.request(IngressRpc.addTrustedRoots, body);
    res.status(added.length ? 201 : 200);
    return roots;
  }

  @Requires('trusted-roots:write')
  @Delete('trusted-roots/:sha256')
  @HttpCode(204)
  @Summary('Remove a managed trusted root by its SHA-256 fingerprint; roots of INGRESS_CLIENT_ROOTS and the tenant client CA cannot be removed (409)')
  @ApiParam({ name: 'sha256', description: "the root's SHA-256 fingerprint (64 hex digits, as `fingerprint` in GET /ingress/trusted-roots)" })
  @ApiNoContentResponse('removed')
  @ApiErrors(ErrorCode.trustedRootNotFound, ErrorCode.trustedRootNotManaged, ErrorCode.concurrentChange)
  async removeRoot(@Param('sha256') sha256: string): Promise<void> {
    await this.rpc.request(IngressRpc.removeTrustedRoot, { sha256 });
  }

  @Requires('trusted-roots:write')
  @Put('trusted-roots/:sha256/policy')
  @Summary("Set a trusted root's own policy: EKU (require-clientAuth or allow-missing-eku) and revocation checking by CRL; in force on every replica at once")
  @ApiParam({ name: 'sha256', description: "the root's SHA-256 fingerprint (64 hex digits, as `fingerprint` in GET /ingress/trusted-roots)" })
  @ApiBodyFrom(putPolicy.shape.policy, { policy: { summary: 'admit senders without EKU, check CRLs, fail open', value: ex.rootPolicy } })
  @ApiJsonResponse(200, IngressRpc.putRootPolicy.response.shape.root, { description: 'the root with its policy now in force', example: ex.trustedRoots[0] })
  @ApiErrors(ErrorCode.validationFailed, ErrorCode.trustedRootNotFound, ErrorCode.concurrentChange)
  async putPolicy(@Param('sha256') sha256: string, @Body(new ZodBody(putPolicy.shape.policy)) policy: typeof putPolicy._output.policy) {
    return (await this.rpc.request(IngressRpc.putRootPolicy, { sha256, policy })).root;
  }

  @Requires('trusted-roots:read')
  @Get('hosts')
  @Summary('Host names (SNI) with settings of their own: which trusted roots count there, and whether a client certificate is required')
  @ApiJsonResponse(200, IngressRpc.listHosts.response.shape.hosts, {
    description: 'every host name with settings of its own; the others use every trusted root and INGRESS_CLIENT_CERT',
    example: [ex.host],
  })
  async hosts() {
    return (await this.rpc.request(IngressRpc.listHosts, {})).hosts;
  }

  @Requires('trusted-roots:write')
  @Put('hosts/:hostName')
  @Summary('Set the settings of one host name (custom domain): its trusted roots and client-certificate mode; in force on every replica at once')
  @ApiParam({
    name: 'hostName',
    description: 'the host name senders reach (SNI), e.g. `orders.acme.example`, or `*.acme.example` for every name one label below',
  })
  @ApiBodyFrom(IngressRpc.putHost.request.shape.settings, {
    host: { summary: 'only the partner root, certificate required', value: { clientCert: 'required', roots: [ex.ROOT_FINGERPRINT] } },
  })
  @ApiJsonResponse(200, IngressRpc.putHost.response, { description: 'the settings now in force', example: ex.host })
  @ApiErrors(ErrorCode.validationFailed, ErrorCode.concurrentChange)
  async putHost(
    @Param('hostName') hostName: string,
    @Body(new ZodBody(IngressRpc.putHost.request.shape.settings)) settings: typeof IngressRpc.putHost.request._output.settings,
  ) {
    return this.rpc.request(IngressRpc.putHost, { hostName, settings });
  }

  @Requires('trusted-roots:write')
  @Delete('hosts/:hostName')
  @HttpCode(204)
  @Summary('Drop the settings of one host name: it uses every trusted root and INGRESS_CLIENT_CERT again')
  @ApiParam({ name: 'hostName', description: 'the host name, as in GET /ingress/hosts' })
  @ApiNoContentResponse('removed')
  @ApiErrors(ErrorCode.hostNotFound, ErrorCode.validationFailed, ErrorCode.concurrentChange)
  async removeHost(@Param('hostName') hostName: string): Promise<void> {
    await this.rpc.request(IngressRpc.removeHost, { hostName });
  }

  @Requires('trusted-roots:read')
  @Get('revocation')
  @Summary('The CRLs the answering ingress replica holds: where from, issuer, dates, revoked count, last error')
  @ApiJsonResponse(200, IngressRpc.getRevocation.response.shape.crls, { description: 'every CRL source of that replica', example: ex.crls })
  async revocation() {
    return (await this.rpc.request(IngressRpc.getRevocation, {})).crls;
  }

  @Requires('trusted-roots:write')
  @Post('revocation/refresh')
  @HttpCode(200)
  @Summary('Fetch every CRL again now, on every ingress replica; answers once the answering replica has')
  @ApiJsonResponse(200, IngressRpc.refreshRevocation.response.shape.crls, { description: "the answering replica's CRLs after the refresh", example: ex.crls })
  @ApiErrors(ErrorCode.concurrentChange)
  async refreshRevocation() {
    return (await this.rpc.request(IngressRpc.refreshRevocation, {})).crls;
  }

  @Requires('trusted-roots:write')
  @Put('server-chain')
  @Summary("Replace the ingress' server key and chain on every replica, without a restart; open connections keep theirs")
  @ApiBodyFrom(IngressRpc.putServerChain.request, {
    chain: {
      summary: 'a server certificate with its intermediate, and its key',
      value: { certificates: ex.CHAIN_PEM, privateKey: '-----BEGIN PRIVATE KEY-----\n…\n-----END PRIVATE KEY-----\n' },
    },
  })
  @ApiJsonResponse(200, IngressRpc.putServerChain.response, { description: 'the server certificate now in force', example: ex.serverIdentity })
  @ApiErrors(
    ErrorCode.certificateInvalid,
    ErrorCode.certificateExpired,
    ErrorCode.certificateNotYetValid,
    ErrorCode.leafIsCa,
    ErrorCode.keyMismatch,
    ErrorCode.validationFailed,
    ErrorCode.serviceUnavailable,
  )
  async putServerChain(@Body(new ZodBody(IngressRpc.putServerChain.request)) body: typeof IngressRpc.putServerChain.request._output) {
    return this.rpc.request(IngressRpc.putServerChain, body);
  }

  @Requires('trusted-roots:write')
  @Delete('server-chain')
  @HttpCode(204)
  @Summary('Drop the server key and chain set through the API: back to INGRESS_SERVER_KEY/_CHAIN or the dev certificate, on every replica')
  @ApiNoContentResponse('the configured server certificate is in force again')
  async resetServerChain(): Promise<void> {
    await this.rpc.request(IngressRpc.resetServerChain, {});
  }

  @Requires('trusted-roots:read')
  @Get('server-chain')
  @Header('content-type', 'application/x-pem-file')
  @Summary("The ingress' server chain as PEM, root last, for sender administrators")
  @ApiFileResponse(200, 'the server chain, leaf first, root last', { 'application/x-pem-file': { text: 'PEM certificates', example: ex.CHAIN_PEM } })
  async serverChain(): Promise<string> {
    return (await this.rpc.request(IngressRpc.getServerChain, {})).pem;
  }
}
