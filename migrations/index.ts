import { InitialSchema1764806400000 } from './1764806400000-initial-schema.js';

/** Every migration, oldest first. Listed explicitly so the same build runs them under Node and under Jest. */
export const MIGRATIONS = [InitialSchema1764806400000];
