import type { Role } from '@practice-cloud/contracts';
import { ROLES } from '@practice-cloud/contracts';
import { IsBoolean, IsEmail, IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../users/user-rules.js';

export class UpdatePracticeSettingsDto {
  @IsBoolean({ message: 'requireTwoFactor must be true or false' })
  requireTwoFactor!: boolean;
}

export class CreatePracticeUserDto {
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @IsString()
  @Matches(/\S/, { message: 'firstName must not be blank' })
  @MaxLength(100)
  firstName!: string;

  @IsString()
  @Matches(/\S/, { message: 'lastName must not be blank' })
  @MaxLength(100)
  lastName!: string;

  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role!: Role;

  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}
