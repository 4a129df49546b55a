import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import type { AppConfig } from '../config/config';
import { ErrorFilter } from '../common/error.filter';
import { AccessGuard } from './access.guard';
import { AccessService } from './access.service';
import { AuthEventsService } from './auth-events.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { APP_CONFIG } from './auth.types';
import { LoginThrottleService } from './login-throttle.service';
import { SessionsService } from './sessions.service';

/** Sign-in, sessions, the access guard on every route, and the error filter that logs refusals. */
@Global()
@Module({})
export class AuthModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: AuthModule,
      controllers: [AuthController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        SessionsService,
        LoginThrottleService,
        AuthEventsService,
        AccessService,
        AuthService,
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
      ],
      exports: [APP_CONFIG, AccessService, AuthEventsService, SessionsService],
    };
  }
}
