import { Body, Controller, Get, Header, HttpCode, HttpStatus, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Account, AccountChange, EmailOnly, Message, Profile } from '@tracker/contracts';
import type { Response } from 'express';
import { Access, SignedInUser } from '../auth/access.decorator';
import { clientIp } from '../auth/auth.controller';
import type { AuthRequest, AuthUser } from '../auth/auth.types';
import { escapeHtml } from '../mail/compose';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { AccountsService } from './accounts.service';
import { InviteAccountDto, PasswordResetDto, SetPasswordDto, UpdateAccountDto, UpdateProfileDto } from './dto/account.dto';
import { MEDIA_TYPES, Operation } from '../http/operation';

/** Account management by the Secretariat. */
@ApiTags('accounts')
@Controller('accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @Access('accounts.manage')
  @Operation({
    description: 'Every account, active ones first: {id, email, name, role, organisation, actionNumbers, status, digest, createdAt, deactivatedAt}',
    response: [Account],
    errors: { 403: 'Only the Secretariat manages accounts' },
  })
  list(): Promise<Account[]> {
    return this.accounts.list();
  }

  @Post()
  @Access('accounts.manage')
  @Operation({
    status: 201,
    description: 'The invited account (status `invited`); the invitation mail (a one-time link, 48 hours) is on its way',
    response: Account,
    errors: { 400: 'A field is missing or wrong; the message names it', 409: 'An account for this address exists' },
  })
  invite(@SignedInUser() user: AuthUser, @Body() body: InviteAccountDto): Promise<Account> {
    return this.accounts.invite(user, body);
  }

  @Get(':id')
  @Access('accounts.manage')
  @Operation({ description: 'One account', response: Account, errors: { 403: 'Only the Secretariat manages accounts', 404: 'No account has this id' } })
  get(@Param('id', ParseIdPipe) id: string): Promise<Account> {
    return this.accounts.get(id);
  }

  @Get(':id/changes')
  @Access('accounts.manage')
  @Operation({ description: 'The audit of the account, newest first: {at, by, change, detail}', response: [AccountChange] })
  changes(@Param('id', ParseIdPipe) id: string): Promise<AccountChange[]> {
    return this.accounts.changes(id);
  }

  @Patch(':id')
  @Access('accounts.manage')
  @Operation({ description: 'The changed account; a change of role or organisation ends its sessions', response: Account })
  update(@SignedInUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() body: UpdateAccountDto): Promise<Account> {
    return this.accounts.update(user, id, body);
  }

  @Post(':id/deactivate')
  @HttpCode(HttpStatus.OK)
  @Access('accounts.manage')
  @Operation({
    description: 'The account, deactivated: its sessions end at once, it cannot sign in, and it gets no mail; its history keeps its name',
    response: Account,
  })
  deactivate(@SignedInUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<Account> {
    return this.accounts.deactivate(user, id);
  }

  @Post(':id/invitation')
  @HttpCode(HttpStatus.OK)
  @Access('accounts.manage')
  @Operation({
    description: 'A new invitation mail; the earlier link stops working',
    response: Account,
    errors: { 409: 'The account is not waiting for its invitation' },
  })
  resendInvitation(@SignedInUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<Account> {
    return this.accounts.resendInvitation(user, id);
  }
}

/** What everyone changes on their own account. */
@ApiTags('accounts')
@Controller('profile')
export class ProfileController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @Access('signed_in')
  @Operation({ description: '{name, email, digest}', response: Profile })
  get(@SignedInUser() user: AuthUser): Promise<Profile> {
    return this.accounts.profile(user);
  }

  @Patch()
  @Access('signed_in')
  @Operation({ description: 'The profile after the change: your name, and reminder mails weekly or off', response: Profile })
  update(@SignedInUser() user: AuthUser, @Body() body: UpdateProfileDto): Promise<Profile> {
    return this.accounts.updateProfile(user, body);
  }
}

/** The mailed one-time links: invitation, password reset, unsubscribe. */
@ApiTags('auth')
@Controller()
export class AccountLinksController {
  constructor(private readonly accounts: AccountsService) {}

  @Post('auth/invitation')
  @HttpCode(HttpStatus.OK)
  @Access('public')
  @Operation({
    description: '{email}: the password is set; sign in with it',
    response: EmailOnly,
    errors: { 400: 'The link is unknown, used or expired, or the password too short' },
  })
  acceptInvitation(@Body() body: SetPasswordDto): Promise<EmailOnly> {
    return this.accounts.acceptInvitation(body.token, body.password);
  }

  @Post('auth/password-reset')
  @HttpCode(HttpStatus.ACCEPTED)
  @Access('public')
  @Operation({
    status: 202,
    description: 'The same answer whether the address has an account or not; if it has, a one-time link (30 minutes) is mailed',
    response: Message,
    errors: { 429: 'Too many requests for this address or from this client; see Retry-After' },
  })
  async requestReset(@Body() body: PasswordResetDto, @Req() request: AuthRequest, @Res({ passthrough: true }) response: Response): Promise<Message> {
    try {
      await this.accounts.requestReset(body.email, clientIp(request));
    } catch (error) {
      const retryAfter = (error as { getResponse?: () => { retryAfter?: number } }).getResponse?.().retryAfter;
      if (retryAfter) {
        response.setHeader('Retry-After', String(retryAfter));
      }
      throw error;
    }
    return { message: 'if this address has an account, a link to choose a new password is on its way; it works once, for 30 minutes' };
  }

  @Post('auth/password-reset/complete')
  @HttpCode(HttpStatus.OK)
  @Access('public')
  @Operation({
    description: '{email}: the new password is set and every session of the account ended',
    response: EmailOnly,
    errors: { 400: 'The link is unknown, used or expired, or the password too short' },
  })
  completeReset(@Body() body: SetPasswordDto): Promise<EmailOnly> {
    return this.accounts.completeReset(body.token, body.password);
  }

  @Get('notifications/unsubscribe')
  @Access('public')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @Operation({ description: 'One click from a reminder mail: turns reminder mails off, and says so in a small page', files: [MEDIA_TYPES.html] })
  async unsubscribe(@Query('token') token: string | undefined, @Res({ passthrough: true }) response: Response): Promise<string> {
    const done = typeof token === 'string' && token.length <= 64 && (await this.accounts.unsubscribe(token));
    if (!done) {
      response.status(HttpStatus.NOT_FOUND);
    }
    const message = done
      ? 'You will get no more reminder mails from the Work Plan tracker. You can turn them on again in your settings after signing in.'
      : 'This unsubscribe link is not known. Sign in and change your reminder setting in your settings.';
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Reminder mails · Work Plan tracker</title></head><body><main><h1>Reminder mails</h1><p>${escapeHtml(message)}</p><p><a href="/settings">Your settings</a></p></main></body></html>`;
  }
}
