import { Injectable, Logger } from '@nestjs/common';
import { Buckets, CertgateError, ErrorCode, FlowsKv, deployedFlowSchema, errorMessage, type DeployedFlow, type FlowDefinition } from '@certgate/contracts';
import { KvBuckets, type KvRepository } from '@certgate/messaging';
import { FlowCache } from '../state/flow-cache';
import { AddressClaims, addressConflict } from './address-claims';
import { resolveCertificateMatchers } from './certificate-matchers';
import { checkFlowSteps } from './flow-checks';
import { FlowReferences } from './flow-references';

/**
 * Deploy, list, read and undeploy flows. Reads go to KV, not to the cache, so an
 * operator sees a deployment at once even when another replica made it; every
 * replica picks the change up through its watch.
 */
@Injectable()
export class FlowsService {
  private readonly logger = new Logger('flows');
  private readonly flows: KvRepository<DeployedFlow>;
  private readonly claims: AddressClaims;

  constructor(
    buckets: KvBuckets,
    private readonly cache: FlowCache,
    private readonly references: FlowReferences,
  ) {
    const bucket = buckets.bucket(Buckets.flows);
    this.flows = bucket.repository(deployedFlowSchema, 'flow');
    this.claims = new AddressClaims(
      bucket,
      async (flowId, address) => (await this.flows.get(FlowsKv.flow(flowId)))?.value.definition.sender.address === address,
    );
  }

  async put(id: string, definition: FlowDefinition): Promise<DeployedFlow> {
    if (id !== definition.id) {
      throw new CertgateError(ErrorCode.flowIdMismatch, `the flow id in the path ('${id}') differs from the id in the definition ('${definition.id}')`, {
        field: 'id',
        id,
        definitionId: definition.id,
      });
    }
    checkFlowSteps(definition);
    const certificateMatchers = resolveCertificateMatchers(definition.sender.authorization);
    await this.references.check(definition, certificateMatchers);
    const address = definition.sender.address;
    // Fast answer from memory (also covers flows whose claim is missing); the claim below is what is atomic.
    const served = this.cache.byAddress(address);
    if (served && served.flow.definition.id !== id) throw addressConflict(address, served.flow.definition.id);

    // An unreadable previous deployment is simply replaced (its address claim, if any, goes stale and is taken over).
    const previous = (await this.flows.inspect(FlowsKv.flow(id)))?.value;
    await this.claims.claim(address, id);
    const deployed: DeployedFlow = { definition, certificateMatchers, deployedAt: new Date().toISOString(), revision: (previous?.revision ?? 0) + 1 };
    try {
      await this.flows.put(FlowsKv.flow(id), deployed);
    } catch (err) {
      if (previous?.definition.sender.address !== address) await this.claims.release(address, id).catch(() => undefined);
      throw err;
    }
    const oldAddress = previous?.definition.sender.address;
    if (oldAddress && oldAddress !== address) await this.releaseQuietly(oldAddress, id);
    this.logger.log({ msg: previous ? 'flow redeployed' : 'flow deployed', flow: id, address, revision: deployed.revision });
    return deployed;
  }

  /** Every readable deployment; one that is unreadable is left out (and logged). */
  async list(): Promise<{ flows: DeployedFlow[] }> {
    return { flows: (await this.flows.list(`${FlowsKv.prefix}>`)).map((stored) => stored.value) };
  }

  async get(id: string): Promise<DeployedFlow> {
    const stored = await this.flows.inspect(FlowsKv.flow(id));
    if (!stored) throw notDeployed(id);
    if (!stored.value)
      throw new CertgateError(ErrorCode.internal, `the stored deployment of flow '${id}' is unreadable; deploy it again or undeploy it`, { id });
    return stored.value;
  }

  async delete(id: string): Promise<void> {
    const stored = await this.flows.inspect(FlowsKv.flow(id));
    if (!stored) throw notDeployed(id);
    const address = stored.value?.definition.sender.address;
    // Stop serving first; a claim left behind (a failure here, an unreadable flow) is stale and taken over by the next deployment.
    await this.flows.delete(FlowsKv.flow(id));
    if (address) await this.releaseQuietly(address, id);
    this.logger.log({ msg: 'flow undeployed', flow: id, address: address ?? null });
  }

  private async releaseQuietly(address: string, id: string): Promise<void> {
    try {
      await this.claims.release(address, id);
    } catch (err) {
      this.logger.warn({ msg: 'address claim not released; the next deployment there takes it over', address, flow: id, error: errorMessage(err) });
    }
  }
}

function notDeployed(id: string): CertgateError {
  return new CertgateError(ErrorCode.flowNotFound, `no flow with id '${id}' is deployed`, { id });
}
