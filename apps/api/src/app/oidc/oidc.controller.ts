import { Controller, Get, Inject, Logger, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SignInProviders } from '@tracker/contracts';
import type { CookieOptions, Response } from 'express';
import { generators, Issuer, type BaseClient } from 'openid-client';
import { AccountsRepository } from '../accounts/accounts.repository';
import { Access } from '../auth/access.decorator';
import { clientIp } from '../auth/auth.controller';
import { AuthEventsService } from '../auth/auth-events.service';
import { APP_CONFIG, type AuthRequest, SESSION_COOKIE } from '../auth/auth.types';
import { SessionsService } from '../auth/sessions.service';
import { setXsrfCookie } from '../auth/xsrf';
import type { AppConfig } from '../config/config';
import { Links } from '../mail/links';
import { normaliseEmail } from '../accounts/account-setup';
import { Operation } from '../http/operation';

/** Cookie that carries the PKCE verifier, state and nonce from the start of a sign-in to its callback. */
const FLOW_COOKIE = 'tracker_oidc';
const CALLBACK_PATH = '/api/auth/oidc/callback';

/**
 * Sign-in with the organisation's OpenID Connect provider (OIDC_ISSUER): the authorisation code
 * flow with PKCE (openid-client). The provider's verified email must be that of an invited,
 * active account: nobody registers themselves into a role.
 */
@ApiTags('auth')
@Controller('auth')
export class OidcController {
  private readonly logger = new Logger('OpenID Connect');
  private client: Promise<BaseClient> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly links: Links,
    private readonly sessions: SessionsService,
    private readonly events: AuthEventsService,
    private readonly accounts: AccountsRepository,
  ) {}

  @Get('providers')
  @Access('public')
  @Operation({ description: '{oidc: {name, startUrl} | null}: sign-in with the identity provider, when OIDC_ISSUER is set', response: SignInProviders })
  providers(): SignInProviders {
    return { oidc: this.config.oidc ? { name: this.config.oidc.name, startUrl: '/api/auth/oidc/start' } : null };
  }

  @Get('oidc/start')
  @Access('public')
  @Operation({ status: 302, description: "Redirects to the provider's sign-in (code flow, PKCE S256); 404 when no provider is configured" })
  async start(@Res() response: Response): Promise<void> {
    const client = await this.oidcClient(response);
    if (!client) return;
    const flow = { verifier: generators.codeVerifier(), state: generators.state(), nonce: generators.nonce() };
    response.cookie(FLOW_COOKIE, Buffer.from(JSON.stringify(flow)).toString('base64url'), { ...this.cookie(), maxAge: 10 * 60 * 1000 });
    response.redirect(
      client.authorizationUrl({
        scope: 'openid email profile',
        code_challenge: generators.codeChallenge(flow.verifier),
        code_challenge_method: 'S256',
        state: flow.state,
        nonce: flow.nonce,
      }),
    );
  }

  @Get('oidc/callback')
  @Access('public')
  @Operation({
    status: 302,
    description: 'Signs in the invited account with the verified email and redirects to the app; otherwise back to /sign-in?error=...',
  })
  async callback(@Req() request: AuthRequest, @Res() response: Response): Promise<void> {
    const client = await this.oidcClient(response);
    if (!client) return;
    const ip = clientIp(request);
    const fail = async (error: 'unverified' | 'uninvited' | 'failed', email: string | null, detail: string) => {
      await this.events.record('sign_in_failed', { email, userId: null, ip, detail: `OpenID Connect: ${detail}` });
      response.clearCookie(FLOW_COOKIE, this.cookie());
      response.redirect(`/sign-in?error=${error}`);
    };
    let flow: { verifier: string; state: string; nonce: string };
    try {
      flow = JSON.parse(Buffer.from(String(request.cookies?.[FLOW_COOKIE] ?? ''), 'base64url').toString('utf8'));
    } catch {
      return fail('failed', null, 'no sign-in under way (the flow cookie is missing)');
    }
    let claims: { email?: string; email_verified?: boolean };
    try {
      const tokens = await client.callback(this.redirectUri(), client.callbackParams(request), {
        code_verifier: flow.verifier,
        state: flow.state,
        nonce: flow.nonce,
      });
      // Providers may keep email out of the ID token and give it at the userinfo endpoint.
      const idClaims = tokens.claims();
      claims = idClaims.email_verified !== undefined ? idClaims : { ...idClaims, ...(await client.userinfo(tokens)) };
    } catch (error) {
      return fail('failed', null, error instanceof Error ? error.message : String(error));
    }
    const email = claims.email ? normaliseEmail(claims.email) : null;
    if (!email || claims.email_verified !== true) {
      return fail('unverified', email, 'the provider did not confirm the email address as verified');
    }
    const account = await this.accounts.activeByEmail(email);
    if (!account) {
      return fail('uninvited', email, 'no invited, active account has this email');
    }
    await this.sessions.end(request.cookies?.[SESSION_COOKIE]);
    const { token, expiresAt } = await this.sessions.create(account.id);
    await this.events.record('sign_in', { email, userId: account.id, ip, detail: 'OpenID Connect' });
    response.clearCookie(FLOW_COOKIE, this.cookie());
    response.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: this.secure(), path: '/', expires: expiresAt });
    setXsrfCookie(response, this.secure(), token);
    response.redirect('/');
  }

  private redirectUri(): string {
    return this.links.to(CALLBACK_PATH);
  }

  /** The client, discovered once from the issuer; null (and a 404 sent) when no provider is configured. */
  private async oidcClient(response: Response): Promise<BaseClient | null> {
    const oidc = this.config.oidc;
    if (!oidc) {
      response.status(404).json({ statusCode: 404, message: 'sign-in with OpenID Connect is not configured (OIDC_ISSUER)' });
      return null;
    }
    this.client ??= Issuer.discover(oidc.issuer).then(
      (issuer) =>
        new issuer.Client({ client_id: oidc.clientId, client_secret: oidc.clientSecret, redirect_uris: [this.redirectUri()], response_types: ['code'] }),
    );
    try {
      return await this.client;
    } catch (error) {
      this.client = null;
      this.logger.error(`cannot reach the provider at ${oidc.issuer}: ${error instanceof Error ? error.message : String(error)}`);
      response.redirect('/sign-in?error=unavailable');
      return null;
    }
  }

  private secure(): boolean {
    return this.config.environment === 'production';
  }

  private cookie(): CookieOptions {
    return { httpOnly: true, sameSite: 'lax', secure: this.secure(), path: '/api/auth/oidc' };
  }
}
