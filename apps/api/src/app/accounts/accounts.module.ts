import { Module } from '@nestjs/common';
import { OidcController } from '../oidc/oidc.controller';
import { AccountLinksController, AccountsController, ProfileController } from './accounts.controller';
import { AccountsRepository } from './accounts.repository';
import { AccountsService } from './accounts.service';

@Module({
  controllers: [AccountsController, ProfileController, AccountLinksController, OidcController],
  providers: [AccountsRepository, AccountsService],
  exports: [AccountsRepository],
})
export class AccountsModule {}
