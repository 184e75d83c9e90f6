import { Module } from '@nestjs/common';
import { MplPublisher } from './mpl-publisher';

@Module({ providers: [MplPublisher], exports: [MplPublisher] })
export class MplModule {}
