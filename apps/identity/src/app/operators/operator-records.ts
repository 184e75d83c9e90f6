import { Injectable } from '@nestjs/common';
import { Buckets, operatorSchema, storedApiTokenSchema, storedSessionSchema } from '@certgate/contracts';
import { KvBuckets } from '@certgate/messaging';

/** The operators bucket (`OperatorsKv`): operators, their API tokens' hashes and web console sessions' hashes. Only identity writes; the console watches it. */
@Injectable()
export class OperatorRecords {
  private readonly bucket = this.buckets.bucket(Buckets.operators);
  readonly operators = this.bucket.repository(operatorSchema, 'operator');
  readonly tokens = this.bucket.repository(storedApiTokenSchema, 'API token');
  readonly sessions = this.bucket.repository(storedSessionSchema, 'session');

  constructor(private readonly buckets: KvBuckets) {}
}
