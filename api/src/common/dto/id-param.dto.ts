import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsUUID } from 'class-validator';

/** A path id: anything that is not a UUID is a 400, not a database lookup. */
export class IdParam {
  @ApiProperty({ format: 'uuid' })
  // UUIDs are stored lower-case; the same id in capitals is the same resource.
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value))
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}
