import { Module } from '@nestjs/common';
import { OperatorRecords } from './operator-records';
import { OperatorsHandler } from './operators.handler';
import { OperatorsService } from './operators.service';
import { SessionsHandler } from './sessions.handler';
import { SessionsService } from './sessions.service';

/** The admin plane's operators, API tokens and web console sessions (docs/operators.md). */
@Module({
  controllers: [OperatorsHandler, SessionsHandler],
  providers: [OperatorRecords, OperatorsService, SessionsService],
})
export class OperatorsModule {}
