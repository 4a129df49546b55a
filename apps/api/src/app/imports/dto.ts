import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { IsCalendarDate } from '../common/calendar-date.validator';

/** `?key=&name=&deadline=`: the new partnership a plan is imported into. */
export class PlanImportQuery {
  @ApiProperty({
    description: 'Key of the new partnership: lower-case letters, digits and hyphens, 2 to 60 characters (used in addresses: ?partnership=key)',
    example: 'sustainable-tourism',
  })
  @Matches(/^[a-z0-9][a-z0-9-]{1,59}$/, {
    message: 'key must be 2 to 60 lower-case letters, digits and hyphens, starting with a letter or digit, e.g. sustainable-tourism',
  })
  key!: string;

  @ApiProperty({ description: 'Name of the new partnership', example: 'Partnership on Sustainable Tourism' })
  @IsString({ message: 'name must be text' })
  @Length(1, 300, { message: 'name must be 1 to 300 characters' })
  @Matches(/\S/, { message: 'name must hold more than spaces' })
  name!: string;

  @ApiProperty({ format: 'date', description: "The partnership's deadline (yyyy-MM-dd)", example: '2027-12-31' })
  @IsCalendarDate()
  deadline!: string;
}
