import { Module } from '@nestjs/common';
import { SessionController } from './session.controller';

/** Web console sign-in with a token, sign-out, and the sign-in page's settings. */
@Module({ controllers: [SessionController] })
export class SessionsModule {}
