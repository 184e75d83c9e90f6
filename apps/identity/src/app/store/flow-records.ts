import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { Buckets } from '@certgate/contracts';
import { KvBuckets } from '@certgate/messaging';

/**
 * The runtime's flows bucket (a contract bucket, design §2): identity never writes it,
 * it only asks which flows depend on a role. Values are read raw (any JSON), not as
 * `deployedFlowSchema`: a flow this version cannot fully parse may still ask for a
 * role, and must still keep that role from being deleted (see role-usage.ts).
 */
@Injectable()
export class FlowRecords {
  readonly flows = this.buckets.bucket(Buckets.flows).repository(z.unknown(), 'flow');

  constructor(private readonly buckets: KvBuckets) {}
}
