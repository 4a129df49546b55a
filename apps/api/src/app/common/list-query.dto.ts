import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** `?action=N`: narrows a list to one Action. */
export class ActionFilterQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'action must be a whole Action number, e.g. ?action=1' })
  @Min(1, { message: 'action must be a whole Action number, e.g. ?action=1' })
  @Max(32767, { message: 'action must be a whole Action number, e.g. ?action=1' })
  action?: number;
}
