import { type CanActivate, type ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AppConfig } from '../config/config';
import { ACCESS_KEY, type AccessRule } from './access.decorator';
import { APP_CONFIG, type AuthRequest, SESSION_COOKIE } from './auth.types';
import { PUBLIC_READ_PERMISSIONS, refusal, scopeOf } from './permissions';
import { SessionsService } from './sessions.service';
import { crossSiteWithoutSession, CROSS_SITE_REFUSAL, SAFE_METHODS, XSRF_REFUSAL, xsrfEchoed } from './xsrf';

/**
 * Global guard, before every route: writes must echo the XSRF token; then the route's rule (see
 * access.decorator.ts and permissions.ts) decides whether a session is needed and which role may pass.
 * Refusals are logged by the error filter.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthRequest>();
    if (!SAFE_METHODS.has(request.method)) {
      if (!xsrfEchoed(request)) {
        throw new ForbiddenException(XSRF_REFUSAL);
      }
      if (crossSiteWithoutSession(request)) {
        throw new ForbiddenException(CROSS_SITE_REFUSAL);
      }
    }
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]) ?? 'signed_in';
    if (rule === 'public') {
      return true;
    }
    if (rule !== 'signed_in' && this.config.publicRead && PUBLIC_READ_PERMISSIONS.includes(rule)) {
      return true;
    }
    const user = await this.sessions.authenticate(request.cookies?.[SESSION_COOKIE]);
    if (!user) {
      throw new UnauthorizedException('sign in first (POST /api/auth/login); your session may have timed out');
    }
    request.user = user;
    if (rule !== 'signed_in' && scopeOf(user.role, rule) === 'none') {
      throw new ForbiddenException(refusal(user.role, rule));
    }
    return true;
  }
}
