import { Inject, Injectable, Logger } from '@nestjs/common';
import type { KV, NatsConnection } from 'nats';
import { Buckets, CertgateError, ErrorCode, FlowsKv, deployedFlowSchema, type DeployedFlow, type FlowDefinition } from '@certgate/contracts';
import { MESSAGING_OPTIONS, NATS_CONNECTION, decodeJson, encodeJson, ensureKv, kvKeys, type MessagingOptions } from '@certgate/messaging';
import { FlowCache } from '../state/flow-cache';
import { AddressClaims, addressConflict } from './address-claims';
import { resolveCertificateMatchers } from './certificate-matchers';
import { checkFlowSteps } from './flow-checks';

/**
 * Deploy, list, read and undeploy flows. Reads go to KV, not to the cache, so an
 * operator sees a deployment at once even when another replica made it; every
 * replica picks the change up through its watch.
 */
@Injectable()
export class FlowsService {
  private readonly logger = new Logger('flows');
  private bucket?: Promise<KV>;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly cache: FlowCache,
  ) {}

  async put(id: string, definition: FlowDefinition): Promise<DeployedFlow> {
    if (id !== definition.id) {
      throw new CertgateError(ErrorCode.badRequest, `the flow id in the path ('${id}') differs from the id in the definition ('${definition.id}')`, { id, definitionId: definition.id });
    }
    checkFlowSteps(definition);
    const certificateMatchers = resolveCertificateMatchers(definition.sender.authorization);
    const address = definition.sender.address;
    // Fast answer from memory (also covers flows whose claim is missing); the claim below is what is atomic.
    const served = this.cache.byAddress(address);
    if (served && served.flow.definition.id !== id) throw addressConflict(address, served.flow.definition.id);

    const kv = await this.kv();
    const claims = await this.claims();
    // An unreadable previous deployment is simply replaced (its address claim, if any, goes stale and is taken over).
    const previous = (await this.inspect(kv, id)).flow;
    await claims.claim(address, id);
    const deployed: DeployedFlow = { definition, certificateMatchers, deployedAt: new Date().toISOString(), revision: (previous?.revision ?? 0) + 1 };
    try {
      await kv.put(FlowsKv.flow(id), encodeJson(deployed));
    } catch (err) {
      if (previous?.definition.sender.address !== address) await claims.release(address, id).catch(() => undefined);
      throw err;
    }
    const oldAddress = previous?.definition.sender.address;
    if (oldAddress && oldAddress !== address) await this.releaseQuietly(claims, oldAddress, id);
    this.logger.log({ msg: previous ? 'flow redeployed' : 'flow deployed', flow: id, address, revision: deployed.revision });
    return deployed;
  }

  async list(): Promise<{ flows: DeployedFlow[] }> {
    const kv = await this.kv();
    const ids = (await kvKeys(this.nc, kv, `${FlowsKv.prefix}>`)).map((key) => key.slice(FlowsKv.prefix.length));
    const flows = await Promise.all(ids.map(async (id) => (await this.inspect(kv, id)).flow));
    return { flows: flows.filter((f): f is DeployedFlow => f !== undefined) };
  }

  async get(id: string): Promise<DeployedFlow> {
    const flow = await this.read(await this.kv(), id);
    if (!flow) throw notDeployed(id);
    return flow;
  }

  async delete(id: string): Promise<void> {
    const kv = await this.kv();
    const { exists, flow } = await this.inspect(kv, id);
    if (!exists) throw notDeployed(id);
    // Stop serving first; a claim left behind (a failure here, an unreadable flow) is stale and taken over by the next deployment.
    await kv.delete(FlowsKv.flow(id));
    if (flow) await this.releaseQuietly(await this.claims(), flow.definition.sender.address, id);
    this.logger.log({ msg: 'flow undeployed', flow: id, address: flow?.definition.sender.address ?? null });
  }

  /** The stored flow; `exists` without `flow` when it is there but unreadable (written by something else). */
  private async inspect(kv: KV, id: string): Promise<{ exists: boolean; flow?: DeployedFlow }> {
    const entry = await kv.get(FlowsKv.flow(id));
    if (!entry || entry.operation !== 'PUT') return { exists: false };
    let raw: unknown;
    try {
      raw = decodeJson(entry.value);
    } catch {
      raw = undefined;
    }
    const parsed = deployedFlowSchema.safeParse(raw);
    if (parsed.success) return { exists: true, flow: parsed.data };
    this.logger.error({ msg: 'stored flow does not match its contract; no replica serves it', flow: id });
    return { exists: true };
  }

  private async read(kv: KV, id: string): Promise<DeployedFlow | undefined> {
    const { exists, flow } = await this.inspect(kv, id);
    if (exists && !flow) throw new CertgateError(ErrorCode.internal, `the stored deployment of flow '${id}' is unreadable; deploy it again or undeploy it`, { id });
    return flow;
  }

  private async releaseQuietly(claims: AddressClaims, address: string, id: string): Promise<void> {
    try {
      await claims.release(address, id);
    } catch (err) {
      this.logger.warn({ msg: 'address claim not released; the next deployment there takes it over', address, flow: id, error: err instanceof Error ? err.message : String(err) });
    }
  }

  private kv(): Promise<KV> {
    this.bucket ??= ensureKv(this.nc, this.options.tenant, Buckets.flows).catch((err: unknown) => {
      this.bucket = undefined; // a later request tries again
      throw err;
    });
    return this.bucket;
  }

  private async claims(): Promise<AddressClaims> {
    const kv = await this.kv();
    return new AddressClaims(kv, async (flowId, address) => (await this.inspect(kv, flowId)).flow?.definition.sender.address === address);
  }
}

function notDeployed(id: string): CertgateError {
  return new CertgateError(ErrorCode.notFound, `no flow with id '${id}' is deployed`, { id });
}
