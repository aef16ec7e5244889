import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** A path id: anything that is not a UUID is a 400, not a database lookup. */
export class IdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}
