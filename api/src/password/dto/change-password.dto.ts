import { ApiProperty } from '@nestjs/swagger';
import type { ChangePasswordRequest } from '@practice-cloud/contracts';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../users/user-rules.js';

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty({ description: 'The current password, to confirm.', format: 'password', minLength: 1, maxLength: 256 })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  currentPassword!: string;

  @ApiProperty({
    description: 'At least 12 characters, not too easy to guess, and not the current one.',
    format: 'password',
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
  })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword!: string;
}
