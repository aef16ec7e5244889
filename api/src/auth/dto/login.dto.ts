import { IsBoolean, IsEmail, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { IsTotpCode } from '../../common/dto/two-factor-code.validators.js';

export class LoginDto {
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password!: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  trustedDeviceToken?: string;
}

/** Exactly one of `code` and `backupCode`. */
export class LoginTwoFactorDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  challengeToken!: string;

  @ValidateIf((body: LoginTwoFactorDto) => body.code !== undefined || body.backupCode === undefined)
  @IsTotpCode()
  code?: string;

  @ValidateIf((body: LoginTwoFactorDto) => body.backupCode !== undefined || body.code === undefined)
  @IsString({ message: 'backupCode must be a string' })
  @MinLength(1)
  @MaxLength(64)
  backupCode?: string;

  @IsOptional()
  @IsBoolean()
  rememberDevice?: boolean;
}
