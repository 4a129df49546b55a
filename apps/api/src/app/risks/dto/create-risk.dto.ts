import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { DEFAULT_PARTNERSHIP_KEY, type RegisterRiskCreate } from '@tracker/contracts';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ActionNumberField } from '../../milestones/dto/create-milestone.dto';
import { UpdateRiskDto } from './update-risk.dto';

const TITLE = 'title must be non-empty text of at most 300 characters';

/** `POST /api/risk-register`: the fields of a PATCH, with the Action it belongs to and a required title. */
export class CreateRiskDto extends OmitType(UpdateRiskDto, ['version', 'status', 'title'] as const) implements RegisterRiskCreate {
  @ApiPropertyOptional({ description: `Partnership key; ${DEFAULT_PARTNERSHIP_KEY} (the Work Plan) by default; 404 when unknown` })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{0,99}$/, { message: `partnership must be a partnership key such as ${DEFAULT_PARTNERSHIP_KEY}` })
  partnership: string = DEFAULT_PARTNERSHIP_KEY;

  @ActionNumberField()
  actionNumber!: number;

  @ApiProperty({ maxLength: 300 })
  @IsString({ message: TITLE })
  @Matches(/\S/, { message: TITLE })
  @MaxLength(300, { message: TITLE })
  title!: string;

  @ApiPropertyOptional({ type: [String], description: 'What could make it happen, one cause per entry' })
  @IsOptional()
  @IsArray({ message: 'causes must be a list of texts' })
  @ArrayMaxSize(20, { message: 'causes must be a list of at most 20 texts' })
  @IsString({ each: true, message: 'causes must be a list of texts' })
  @MaxLength(2000, { each: true, message: 'causes must be texts of at most 2000 characters each' })
  causes?: string[];
}
