import 'reflect-metadata';
import { exitOnStartupFailure, runService } from '@certgate/platform';
import { KeystoreAppModule } from './app/app.module';

runService(KeystoreAppModule).catch(exitOnStartupFailure);
