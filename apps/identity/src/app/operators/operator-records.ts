import { Injectable } from '@nestjs/common';
import { Buckets, operatorSchema, storedApiTokenSchema } from '@certgate/contracts';
import { KvBuckets } from '@certgate/messaging';

/** The operators bucket (`OperatorsKv`): operators and their API tokens' hashes. Only identity writes; the console watches it. */
@Injectable()
export class OperatorRecords {
  private readonly bucket = this.buckets.bucket(Buckets.operators);
  readonly operators = this.bucket.repository(operatorSchema, 'operator');
  readonly tokens = this.bucket.repository(storedApiTokenSchema, 'API token');

  constructor(private readonly buckets: KvBuckets) {}
}
