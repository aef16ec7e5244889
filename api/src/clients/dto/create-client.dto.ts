import { ApiProperty } from '@nestjs/swagger';
import {
  CLIENT_CODE_INPUT_PATTERN,
  CLIENT_CODE_MAX_LENGTH,
  CLIENT_CODE_PATTERN,
  CLIENT_NAME_MAX_LENGTH,
} from '@practice-cloud/contracts';
import { IsString, Matches, MaxLength } from 'class-validator';

export class CreateClientDto {
  @ApiProperty({ maxLength: CLIENT_NAME_MAX_LENGTH })
  @IsString()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(CLIENT_NAME_MAX_LENGTH)
  name!: string;

  /** The practice's own short reference: letters, digits, dots, hyphens and underscores. */
  @ApiProperty({ description: "The practice's own short reference, unique in the practice.", pattern: CLIENT_CODE_PATTERN.source })
  @IsString()
  @Matches(CLIENT_CODE_INPUT_PATTERN, {
    message: `code must be 1 to ${CLIENT_CODE_MAX_LENGTH} letters, digits, dots, hyphens or underscores`,
  })
  code!: string;
}
