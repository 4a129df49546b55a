import { Global, Module } from '@nestjs/common';
import { PartnershipsController } from './partnerships.controller';
import { PartnershipsRepository } from './partnerships.repository';

/** Partnerships: every service takes one as an explicit argument (key, deadline, Actions). */
@Global()
@Module({
  controllers: [PartnershipsController],
  providers: [PartnershipsRepository],
  exports: [PartnershipsRepository],
})
export class PartnershipsModule {}
