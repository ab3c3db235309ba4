import { Foundation1763900000000 } from './1763900000000-Foundation';

/** Every migration, oldest first. A landed migration is never edited: add a new one. */
export const migrations = [Foundation1763900000000];
