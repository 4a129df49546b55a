import { ApiPropertyOptional } from '@nestjs/swagger';
import { RISK_STATUSES, type RegisterRiskUpdate, type RiskStatus } from '@tracker/contracts';
import { IsInt, IsNotEmpty, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { DateField, NoteField, StatusField, VersionField } from '../../common/update-fields';

const score = (field: string) => `${field} must be a whole number from 1 to 5, or null when not assessed`;
const text = (field: string, max: number) => `${field} must be non-empty text of at most ${max} characters`;

/** `PATCH /api/risk-register/:id` */
export class UpdateRiskDto implements RegisterRiskUpdate {
  @VersionField()
  version!: number;

  @ApiPropertyOptional()
  @ValidateIf((_, v) => v !== undefined)
  @IsString({ message: text('title', 300) })
  @IsNotEmpty({ message: text('title', 300) })
  @Matches(/\S/, { message: text('title', 300) })
  @MaxLength(300, { message: text('title', 300) })
  title?: string;

  @ApiPropertyOptional()
  @ValidateIf((_, v) => v !== undefined)
  @IsString({ message: text('description', 4000) })
  @IsNotEmpty({ message: text('description', 4000) })
  @Matches(/\S/, { message: text('description', 4000) })
  @MaxLength(4000, { message: text('description', 4000) })
  description?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 5, nullable: true })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsInt({ message: score('likelihood') })
  @Min(1, { message: score('likelihood') })
  @Max(5, { message: score('likelihood') })
  likelihood?: number | null;

  @ApiPropertyOptional({ minimum: 1, maximum: 5, nullable: true })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsInt({ message: score('impact') })
  @Min(1, { message: score('impact') })
  @Max(5, { message: score('impact') })
  impact?: number | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'The owning organisation, null for none' })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsUUID('all', { message: 'ownerOrganisationId must be the id of an organisation, or null' })
  ownerOrganisationId?: string | null;

  @ApiPropertyOptional()
  @ValidateIf((_, v) => v !== undefined)
  @IsString({ message: text('mitigation', 4000) })
  @IsNotEmpty({ message: text('mitigation', 4000) })
  @Matches(/\S/, { message: text('mitigation', 4000) })
  @MaxLength(4000, { message: text('mitigation', 4000) })
  mitigation?: string;

  @StatusField(RISK_STATUSES)
  status?: RiskStatus;

  @DateField('When the risk is next reviewed')
  nextReview?: string | null;

  @NoteField()
  note?: string;
}
