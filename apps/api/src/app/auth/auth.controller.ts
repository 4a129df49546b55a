import { Body, Controller, Get, HttpCode, HttpException, HttpStatus, Inject, Post, Query, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, SessionState } from '@tracker/contracts';
import type { CookieOptions, Response } from 'express';
import { PartnershipQuery } from '../common/list-query.dto';
import type { AppConfig } from '../config/config';
import { Access, SignedInUser } from './access.decorator';
import { AuthService } from './auth.service';
import { APP_CONFIG, type AuthRequest, type AuthUser, SESSION_COOKIE } from './auth.types';
import { LoginDto } from './dto/login.dto';
import { SessionsService } from './sessions.service';
import { setXsrfCookie } from './xsrf';
import { Operation } from '../http/operation';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @HttpCode(HttpStatus.OK)
  @Access('public')
  @Operation({
    description: 'Signed in: the session cookie, and who is signed in (as GET /api/auth/me)',
    response: CurrentUser,
    errors: { 401: 'Wrong email or password (the same answer for both)', 429: 'Too many failed sign-ins for this email or from this address; see Retry-After' },
  })
  async login(@Body() body: LoginDto, @Req() request: AuthRequest, @Res({ passthrough: true }) response: Response): Promise<CurrentUser> {
    const result = await this.auth.login(body.email, body.password, clientIp(request), request.cookies?.[SESSION_COOKIE]);
    if (result.outcome === 'throttled') {
      response.setHeader('Retry-After', String(result.retryAfter));
      const minutes = Math.ceil(result.retryAfter / 60);
      const wait = result.retryAfter < 60 ? `${result.retryAfter} second${result.retryAfter === 1 ? '' : 's'}` : `${minutes} minute${minutes === 1 ? '' : 's'}`;
      throw new HttpException(
        { statusCode: 429, error: 'Too Many Requests', message: `too many failed sign-ins: try again in ${wait}` },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    if (result.outcome === 'refused') {
      throw new UnauthorizedException('wrong email or password');
    }
    response.cookie(SESSION_COOKIE, result.token, { ...this.sessionCookie(), expires: result.expiresAt });
    // A new XSRF token with the new session, so a token planted before sign-in is worth nothing after it.
    setXsrfCookie(response, this.secure(), result.token);
    return result.user;
  }

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Access('public')
  @Operation({ status: 204, description: 'Signed out (also when nobody was signed in)' })
  async logout(@Req() request: AuthRequest, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.auth.logout(request.cookies?.[SESSION_COOKIE], clientIp(request));
    response.clearCookie(SESSION_COOKIE, this.sessionCookie());
    // The XSRF token was bound to the session that just ended: a new one, bound to none.
    setXsrfCookie(response, this.secure(), undefined);
  }

  @Get('me')
  @Access('signed_in')
  @Operation({
    description: '{id, email, name, role, organisation, editableActions} (editableActions: Action numbers of ?partnership=, the Work Plan by default)',
    response: CurrentUser,
    errors: { 401: 'Nobody is signed in', 404: 'No partnership has this key' },
  })
  me(@SignedInUser() user: AuthUser, @Query() query: PartnershipQuery): Promise<CurrentUser> {
    return this.auth.describe(user, query.partnership);
  }

  /**
   * The same user as `GET /api/auth/me`, or `{user: null}` with 200 when nobody is signed in: what
   * the web app asks on every visit, so that a signed-out visit logs no failed request. It reveals
   * nothing a signed-out visitor could not learn from `GET /api/auth/me`'s 401.
   */
  @Get('session')
  @Access('public')
  @Operation({
    description: '{user}: as GET /api/auth/me, or null when nobody is signed in',
    response: SessionState,
    errors: { 404: 'No partnership has this key' },
  })
  async session(@Req() request: AuthRequest, @Query() query: PartnershipQuery): Promise<SessionState> {
    const user = await this.sessions.authenticate(request.cookies?.[SESSION_COOKIE]);
    return { user: user ? await this.auth.describe(user, query.partnership) : null };
  }

  private secure(): boolean {
    return this.config.environment === 'production';
  }

  private sessionCookie(): CookieOptions {
    return { httpOnly: true, sameSite: 'lax', secure: this.secure(), path: '/' };
  }
}

/** The client's address (behind TRUST_PROXY proxies, the one they report). */
export function clientIp(request: AuthRequest): string {
  return request.ip ?? request.socket.remoteAddress ?? 'unknown';
}
