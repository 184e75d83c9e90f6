import 'reflect-metadata';
import { exitOnStartupFailure, runService } from '@certgate/platform';
import { FlowRuntimeAppModule } from './app/app.module';

runService(FlowRuntimeAppModule).catch(exitOnStartupFailure);
