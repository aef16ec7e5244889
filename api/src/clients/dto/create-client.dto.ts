import { ApiProperty } from '@nestjs/swagger';
import {
  CLIENT_CODE_INPUT_PATTERN,
  CLIENT_CODE_MAX_LENGTH,
  CLIENT_CODE_PATTERN,
  CLIENT_NAME_MAX_LENGTH,
} from '@practice-cloud/contracts';
import { IsString, Matches, MaxLength } from 'class-validator';
import { SAFE_NAME_PATTERN } from '../../users/user-rules.js';

export class CreateClientDto {
  @ApiProperty({ maxLength: CLIENT_NAME_MAX_LENGTH })
  @IsString()
  @Matches(/\S/, { message: 'name must not be blank' })
  @Matches(SAFE_NAME_PATTERN, { message: 'name must not contain control or text-direction characters' })
  @MaxLength(CLIENT_NAME_MAX_LENGTH)
  name!: string;

  /** The practice's own short reference: letters A-Z, digits, dots, hyphens and underscores; stored in capitals. */
  @ApiProperty({
    description: "The practice's own short reference: letters A-Z, digits, dots, hyphens and underscores, starting with a " +
      'letter or digit. Stored in capitals, so it is unique in the practice whatever its case (`acme01` is `ACME01`).',
    pattern: CLIENT_CODE_PATTERN.source,
  })
  @IsString()
  @Matches(CLIENT_CODE_INPUT_PATTERN, {
    message: `code must be 1 to ${CLIENT_CODE_MAX_LENGTH} characters: letters A-Z, digits, dots, hyphens or underscores, starting with a letter or digit`,
  })
  code!: string;
}
