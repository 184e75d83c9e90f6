import { Module } from '@nestjs/common';
import { ConfigController } from './config.controller';

/** The declarative configuration's REST side: its JSON Schema (the CLI does the rest over the other routes). */
@Module({ controllers: [ConfigController] })
export class ConfigApiModule {}
