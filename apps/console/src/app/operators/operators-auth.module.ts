import { Global, Module } from '@nestjs/common';
import { OperatorDirectory } from './operator-directory';

/** The directory every guarded controller's guard reads, in every module of the console. */
@Global()
@Module({ providers: [OperatorDirectory], exports: [OperatorDirectory] })
export class OperatorsAuthModule {}
