import { type DynamicModule, Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { RisksModule } from '../risks/risks.module';
import { CLOCK, type Clock } from './clock';
import { RemindersRepository } from './reminders.repository';
import { RemindersService } from './reminders.service';

@Module({})
export class RemindersModule {
  static register(clock: Clock): DynamicModule {
    return {
      module: RemindersModule,
      imports: [AccountsModule, RisksModule],
      providers: [{ provide: CLOCK, useValue: clock }, RemindersRepository, RemindersService],
      exports: [RemindersService],
    };
  }
}
