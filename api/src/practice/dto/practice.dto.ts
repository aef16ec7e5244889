import type { Role } from '@practice-cloud/contracts';
import { ROLES } from '@practice-cloud/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { EMAIL_MAX_LENGTH, IsEmailAddress } from '../../common/dto/email.validators.js';
import { NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, SAFE_NAME_PATTERN } from '../../users/user-rules.js';

export class UpdatePracticeSettingsDto {
  @ApiProperty({ description: '"Requires 2FA": Yes or No.' })
  @IsBoolean({ message: 'requireTwoFactor must be true or false' })
  requireTwoFactor!: boolean;
}

export class CreatePracticeUserDto {
  @ApiProperty({ format: 'email', maxLength: EMAIL_MAX_LENGTH })
  @IsEmailAddress()
  email!: string;

  @ApiProperty({ maxLength: NAME_MAX_LENGTH })
  @IsString()
  @Matches(/\S/, { message: 'firstName must not be blank' })
  @MaxLength(NAME_MAX_LENGTH)
  @Matches(SAFE_NAME_PATTERN, { message: 'firstName must not contain control or text-direction characters' })
  firstName!: string;

  @ApiProperty({ maxLength: NAME_MAX_LENGTH })
  @IsString()
  @Matches(/\S/, { message: 'lastName must not be blank' })
  @MaxLength(NAME_MAX_LENGTH)
  @Matches(SAFE_NAME_PATTERN, { message: 'lastName must not contain control or text-direction characters' })
  lastName!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role!: Role;

  @ApiProperty({ format: 'password', minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}
