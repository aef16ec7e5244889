import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsTotpCode, TOTP_CODE_PROPERTY } from '../../common/dto/two-factor-code.validators.js';

export class TwoFactorCodeDto {
  @ApiProperty({ ...TOTP_CODE_PROPERTY, description: 'The current code of the authenticator app. ' + TOTP_CODE_PROPERTY.description })
  @IsTotpCode()
  code!: string;
}

export class DisableTwoFactorDto {
  @ApiProperty({ description: 'The current password, to confirm.', format: 'password', minLength: 1, maxLength: 256 })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password!: string;
}

/** "Verify and Enable" takes an empty body; any field in it is rejected like everywhere else. */
export class EnableTwoFactorDto {}
