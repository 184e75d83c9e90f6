import 'reflect-metadata';
import { exitOnStartupFailure, runService } from '@certgate/platform';
import { IdentityAppModule } from './app/app.module';

runService(IdentityAppModule).catch(exitOnStartupFailure);
