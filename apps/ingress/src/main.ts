import 'reflect-metadata';
import { exitOnStartupFailure, runService } from '@certgate/platform';
import { IngressAppModule } from './app/app.module';

runService(IngressAppModule).catch(exitOnStartupFailure);
