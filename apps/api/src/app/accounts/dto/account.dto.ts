import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type AccountInvite,
  type AccountUpdate,
  DIGEST_SETTINGS,
  type DigestSetting,
  LEAST_PRIVILEGED_ROLE,
  type PasswordResetRequest,
  type ProfileUpdate,
  ROLES,
  type Role,
  type SetPasswordRequest,
} from '@tracker/contracts';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsInt, IsNotEmpty, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { PASSWORD_MAX_LENGTH } from '../../auth/password';

const ROLE_MESSAGE = `role must be one of ${ROLES.join(', ')}`;
const ACTIONS_MESSAGE = 'actionNumbers must be a list of Action numbers (whole numbers from 1 to 99)';

// class-validator checks from the bottom up, and stops at the first failure.

/** `POST /api/accounts` */
export class InviteAccountDto implements AccountInvite {
  @ApiProperty({ example: 'anna@example.eu' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254, { message: 'email must be at most 254 characters' })
  @IsString({ message: 'email must be text' })
  email!: string;

  @ApiProperty({ example: 'Anna Example' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  @IsNotEmpty({ message: 'name must not be empty' })
  @IsString({ message: 'name must be text' })
  name!: string;

  /** Left out, the least privilege: a member, who reads and changes nothing. */
  @ApiPropertyOptional({ enum: ROLES, default: LEAST_PRIVILEGED_ROLE, description: 'member (reads only) when left out' })
  @IsIn(ROLES, { message: ROLE_MESSAGE })
  role: Role = LEAST_PRIVILEGED_ROLE;

  @ApiProperty({ description: 'id of the organisation, as GET /api/organisations lists them; every account belongs to one' })
  @IsUUID('all', { message: 'organisationId must be the UUID of an organisation' })
  @IsNotEmpty({ message: 'organisationId is required: choose the organisation the person belongs to' })
  organisationId!: string;

  @ApiPropertyOptional({ type: [Number], example: [1] })
  @ValidateIf((_, v) => v !== undefined)
  @IsInt({ each: true, message: ACTIONS_MESSAGE })
  @Min(1, { each: true, message: ACTIONS_MESSAGE })
  @Max(99, { each: true, message: ACTIONS_MESSAGE })
  @ArrayMaxSize(50, { message: ACTIONS_MESSAGE })
  @IsArray({ message: ACTIONS_MESSAGE })
  actionNumbers?: number[];
}

/** `PATCH /api/accounts/:id` */
export class UpdateAccountDto implements AccountUpdate {
  @ApiPropertyOptional({ enum: ROLES })
  @ValidateIf((_, v) => v !== undefined)
  @IsIn(ROLES, { message: ROLE_MESSAGE })
  role?: Role;

  @ApiPropertyOptional()
  @ValidateIf((_, v) => v !== undefined)
  @IsUUID('all', { message: 'organisationId must be the UUID of an organisation' })
  organisationId?: string;

  @ApiPropertyOptional({ type: [Number] })
  @ValidateIf((_, v) => v !== undefined)
  @IsInt({ each: true, message: ACTIONS_MESSAGE })
  @Min(1, { each: true, message: ACTIONS_MESSAGE })
  @Max(99, { each: true, message: ACTIONS_MESSAGE })
  @ArrayMaxSize(50, { message: ACTIONS_MESSAGE })
  @IsArray({ message: ACTIONS_MESSAGE })
  actionNumbers?: number[];
}

/** `PATCH /api/profile` */
export class UpdateProfileDto implements ProfileUpdate {
  @ApiPropertyOptional()
  @ValidateIf((_, v) => v !== undefined)
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  @IsNotEmpty({ message: 'name must not be empty' })
  @IsString({ message: 'name must be text' })
  name?: string;

  @ApiPropertyOptional({ enum: DIGEST_SETTINGS, description: 'weekly: the weekly digest and follow-ups falling due; off: no reminder mail' })
  @ValidateIf((_, v) => v !== undefined)
  @IsIn(DIGEST_SETTINGS, { message: `digest must be one of ${DIGEST_SETTINGS.join(', ')}` })
  digest?: DigestSetting;
}

/** `POST /api/auth/invitation`, `POST /api/auth/password-reset/complete` */
export class SetPasswordDto implements SetPasswordRequest {
  @ApiProperty({ description: 'the token of the mailed link' })
  @MaxLength(100, { message: 'token must be at most 100 characters' })
  @IsNotEmpty({ message: 'token must not be empty' })
  @IsString({ message: 'token must be text' })
  token!: string;

  @ApiProperty({ description: 'at least 12 characters' })
  @MaxLength(PASSWORD_MAX_LENGTH, { message: `password must be at most ${PASSWORD_MAX_LENGTH} characters` })
  @IsNotEmpty({ message: 'password must not be empty' })
  @IsString({ message: 'password must be text' })
  password!: string;
}

/** `POST /api/auth/password-reset` */
export class PasswordResetDto implements PasswordResetRequest {
  @ApiProperty({ example: 'anna@example.eu' })
  @MaxLength(254, { message: 'email must be at most 254 characters' })
  @IsNotEmpty({ message: 'email must not be empty' })
  @IsString({ message: 'email must be text' })
  email!: string;
}
