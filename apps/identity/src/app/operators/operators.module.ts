import { Module } from '@nestjs/common';
import { OperatorRecords } from './operator-records';
import { OperatorsHandler } from './operators.handler';
import { OperatorsService } from './operators.service';

/** The admin plane's operators and API tokens (docs/operators.md). */
@Module({
  controllers: [OperatorsHandler],
  providers: [OperatorRecords, OperatorsService],
})
export class OperatorsModule {}
