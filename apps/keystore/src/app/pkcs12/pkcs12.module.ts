import { Module } from '@nestjs/common';
import { StoreModule } from '../store/store.module';
import { Pkcs12Handler } from './pkcs12.handler';
import { Pkcs12Service } from './pkcs12.service';

@Module({
  imports: [StoreModule],
  providers: [Pkcs12Service],
  controllers: [Pkcs12Handler],
})
export class Pkcs12Module {}
