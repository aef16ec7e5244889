import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class CreateClientDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(200)
  name!: string;

  /** The practice's own short reference: letters, digits, dots, hyphens and underscores. */
  @ApiProperty({ description: "The practice's own short reference, unique in the practice.", pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$' })
  @IsString()
  @Matches(/^\s*[A-Za-z0-9][A-Za-z0-9._-]{0,31}\s*$/, {
    message: 'code must be 1 to 32 letters, digits, dots, hyphens or underscores',
  })
  code!: string;
}
