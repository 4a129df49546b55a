import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { clientIp } from '../auth/auth.controller';
import { APP_CONFIG, type AuthRequest, SESSION_COOKIE } from '../auth/auth.types';
import { SessionsService } from '../auth/sessions.service';
import type { AppConfig } from '../config/config';
import { RetryLaterException } from '../common/retry-later.exception';

/** The window the limit counts in. */
const WINDOW_MS = 60_000;

/**
 * Limits the files that are drawn on demand (chart files, calendars) per client address for
 * requests without a session: EXPORT_RATE_LIMIT a minute, in a fixed window that opens at the first
 * request, then 429 with Retry-After until it closes. Signed-in people are known and are not
 * counted. Counted in this instance's memory (the sign-in throttle counts in Postgres, for every
 * instance together): what it protects is this instance's export pool. At most 100,000 addresses
 * are remembered, the least recently seen forgotten first.
 */
@Injectable()
export class ExportRateGuard implements CanActivate {
  private readonly windows = new LRUCache<string, { count: number; endsAt: number }>({ max: 100_000, ttl: WINDOW_MS });

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const limit = this.config.exports.anonymousPerMinute;
    const request = context.switchToHttp().getRequest<AuthRequest>();
    if (limit === 0 || request.user || (await this.sessions.authenticate(request.cookies?.[SESSION_COOKIE])) !== null) {
      return true;
    }
    const client = clientIp(request);
    const now = Date.now();
    const window = this.windows.get(client);
    if (!window) {
      this.windows.set(client, { count: 1, endsAt: now + WINDOW_MS });
      return true;
    }
    window.count++;
    if (window.count <= limit) {
      return true;
    }
    const seconds = Math.max(1, Math.ceil((window.endsAt - now) / 1000));
    throw new RetryLaterException(
      429,
      seconds,
      `too many files asked from this address without signing in (${limit} a minute): try again in ${seconds} second${seconds === 1 ? '' : 's'}, or sign in`,
    );
  }
}
