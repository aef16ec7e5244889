import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsTotpCode } from '../../common/dto/two-factor-code.validators.js';

export class TwoFactorCodeDto {
  @IsTotpCode()
  code!: string;
}

export class DisableTwoFactorDto {
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password!: string;
}

/** "Verify and Enable" takes an empty body; any field in it is rejected like everywhere else. */
export class EnableTwoFactorDto {}
