import { ApiProperty } from '@nestjs/swagger';
import type { LoginRequest } from '@tracker/contracts';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH } from '../password';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'secretariat@example.org' })
  // class-validator checks from the bottom up, and stops at the first failure.
  @MaxLength(254, { message: 'email must be at most 254 characters' })
  @IsNotEmpty({ message: 'email must not be empty' })
  @IsString({ message: 'email must be text' })
  email!: string;

  @ApiProperty({ example: 'demo-password' })
  @MaxLength(PASSWORD_MAX_LENGTH, { message: `password must be at most ${PASSWORD_MAX_LENGTH} characters` })
  @IsNotEmpty({ message: 'password must not be empty' })
  @IsString({ message: 'password must be text' })
  password!: string;
}
