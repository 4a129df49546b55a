import { Module } from '@nestjs/common';
import { OrganisationsController, PartnershipController } from './organisations.controller';
import { OrganisationsRepository } from './organisations.repository';

@Module({
  controllers: [OrganisationsController, PartnershipController],
  providers: [OrganisationsRepository],
  exports: [OrganisationsRepository],
})
export class OrganisationsModule {}
