import { Foundation1763900000000 } from './1763900000000-Foundation';
import { StaffFallback1763900100000 } from './1763900100000-StaffFallback';
import { Comments1763900200000 } from './1763900200000-Comments';
import { Notifications1763900300000 } from './1763900300000-Notifications';
import { Reports1763900400000 } from './1763900400000-Reports';
import { Import1763900500000 } from './1763900500000-Import';

/** Every migration, oldest first. A landed migration is never edited: add a new one. */
export const migrations = [Foundation1763900000000, StaffFallback1763900100000, Comments1763900200000, Notifications1763900300000, Reports1763900400000, Import1763900500000];
