import { type DynamicModule, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  type ThrottlerLimitDetail,
  ThrottlerModule,
  type ThrottlerModuleOptions,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import { clientIp } from '../auth/auth.controller';
import { APP_CONFIG, type AuthRequest, SESSION_COOKIE } from '../auth/auth.types';
import { SessionsService } from '../auth/sessions.service';
import type { AppConfig } from '../config/config';
import { RetryLaterException } from '../common/retry-later.exception';

/** The window the limit counts in. */
const WINDOW_MS = 60_000;

/** The one throttler of the exports: files drawn on demand for people without a session. */
const ANONYMOUS_EXPORTS = 'anonymous-exports';

/**
 * Limits the files that are drawn on demand (chart files, calendars) per client address for
 * requests without a session: EXPORT_RATE_LIMIT in any minute (each file counts for the minute after
 * it was asked for; refused requests do not count), then 429 with Retry-After until the oldest of
 * them is a minute old. Every guarded route counts towards the same limit. Signed-in people are known
 * and are not counted.
 *
 * @nestjs/throttler keeps the count in this instance's memory (its ThrottlerStorageService, swept
 * every minute): what the limit protects is this instance's export pool, so instances behind one
 * proxy each count their own clients (docs/security.md). The sign-in throttle, which must hold across
 * instances, counts in Postgres.
 */
@Injectable()
export class ExportThrottlerGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionsService,
  ) {
    super(options, storage, reflector);
  }

  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    if (this.config.exports.anonymousPerMinute === 0) return true;
    const request = context.switchToHttp().getRequest<AuthRequest>();
    return request.user !== undefined || (await this.sessions.authenticate(request.cookies?.[SESSION_COOKIE])) !== null;
  }

  /** The client's address, behind TRUST_PROXY proxies the one they report (as the sign-in throttle counts). */
  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    return Promise.resolve(clientIp(request as unknown as AuthRequest));
  }

  /** One count per client across every guarded route (the throttler's default keys by route). */
  protected override generateKey(_context: ExecutionContext, tracker: string, name: string): string {
    return `${name}:${tracker}`;
  }

  protected override throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const seconds = Math.max(1, detail.timeToBlockExpire);
    throw new RetryLaterException(
      429,
      seconds,
      `too many files asked from this address without signing in (${detail.limit} a minute): try again in ${seconds} second${seconds === 1 ? '' : 's'}, or sign in`,
    );
  }
}

/**
 * The throttler's options, from the config: one throttler, EXPORT_RATE_LIMIT files in any minute.
 * blockDuration 0: no block beyond the window; a client is refused while that many of its files are
 * less than a minute old. Retry-After is sent by the error filter with the 429, not by the throttler.
 */
export function anonymousExportsThrottler(): DynamicModule {
  return ThrottlerModule.forRootAsync({
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig): ThrottlerModuleOptions => ({
      throttlers: [{ name: ANONYMOUS_EXPORTS, ttl: WINDOW_MS, limit: config.exports.anonymousPerMinute, blockDuration: 0 }],
      setHeaders: false,
    }),
  });
}
