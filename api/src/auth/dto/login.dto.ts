import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength, MinLength, ValidateBy, ValidateIf } from 'class-validator';
import { EMAIL_MAX_LENGTH, IsEmailAddress } from '../../common/dto/email.validators.js';
import { IsTotpCode, TOTP_CODE_PROPERTY } from '../../common/dto/two-factor-code.validators.js';

export class LoginDto {
  @ApiProperty({ format: 'email', maxLength: EMAIL_MAX_LENGTH })
  @IsEmailAddress()
  email!: string;

  @ApiProperty({ minLength: 1, maxLength: 256, format: 'password' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password!: string;

  @ApiPropertyOptional({ description: 'A browser may send it as the `trusted_device` cookie instead.', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  trustedDeviceToken?: string;
}

/** Exactly one of `code` and `backupCode`. */
export class LoginTwoFactorDto {
  @ApiProperty({ description: 'From the first step; good for 5 minutes.', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  challengeToken!: string;

  @ApiPropertyOptional({ ...TOTP_CODE_PROPERTY, description: 'Exactly one of `code` and `backupCode`.' })
  @ValidateIf((body: LoginTwoFactorDto) => body.code !== undefined || body.backupCode === undefined)
  @IsTotpCode()
  code?: string;

  @ApiPropertyOptional({ description: 'A single-use backup code; case, spaces and hyphens are ignored.', maxLength: 64 })
  @ValidateIf((body: LoginTwoFactorDto) => body.backupCode !== undefined || body.code === undefined)
  @IsString({ message: 'backupCode must be a string' })
  @MinLength(1)
  @MaxLength(64)
  @ValidateBy({
    name: 'notWithCode',
    validator: {
      // Both present would leave the server to pick one; the contract says exactly one.
      validate: (_value: unknown, args) => (args?.object as LoginTwoFactorDto).code === undefined,
      defaultMessage: () => 'send either code or backupCode, not both',
    },
  })
  backupCode?: string;

  @ApiPropertyOptional({ description: '"Don\'t ask again on this computer".' })
  @IsOptional()
  @IsBoolean()
  rememberDevice?: boolean;
}
