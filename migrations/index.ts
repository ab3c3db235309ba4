import { Foundation1763900000000 } from './1763900000000-Foundation';
import { StaffFallback1763900100000 } from './1763900100000-StaffFallback';
import { Comments1763900200000 } from './1763900200000-Comments';
import { Notifications1763900300000 } from './1763900300000-Notifications';
import { Reports1763900400000 } from './1763900400000-Reports';
import { Import1763900500000 } from './1763900500000-Import';
import { Search1763900600000 } from './1763900600000-Search';
import { SearchOutbox1763900700000 } from './1763900700000-SearchOutbox';
import { SearchInsights1763900800000 } from './1763900800000-SearchInsights';
import { ReportFacts1763900900000 } from './1763900900000-ReportFacts';
import { Announcement1763901000000 } from './1763901000000-Announcement';
import { ReportRollups1763901100000 } from './1763901100000-ReportRollups';
import { SearchTitleVector1763901120000 } from './1763901120000-SearchTitleVector';
import { SearchCategoryIndex1763901130000 } from './1763901130000-SearchCategoryIndex';
import { SearchVectorInline1763901140000 } from './1763901140000-SearchVectorInline';
import { SearchWords1763901150000 } from './1763901150000-SearchWords';
import { WritesInLockOrder1763901165000 } from './1763901165000-WritesInLockOrder';
import { AccountRecovery1763901200000 } from './1763901200000-AccountRecovery';
import { RateLimits1763901260000 } from './1763901260000-RateLimits';
import { AccountDeletion1763901360000 } from './1763901360000-AccountDeletion';
import { RuleFiles1763901400000 } from './1763901400000-RuleFiles';
import { TrustLevels1763901500000 } from './1763901500000-TrustLevels';
import { ModeratorToolkit1763901550000 } from './1763901550000-ModeratorToolkit';

/** Every migration, oldest first. A landed migration is never edited: add a new one. */
export const migrations = [Foundation1763900000000, StaffFallback1763900100000, Comments1763900200000, Notifications1763900300000, Reports1763900400000, Import1763900500000, Search1763900600000, SearchOutbox1763900700000, SearchInsights1763900800000, ReportFacts1763900900000, Announcement1763901000000, ReportRollups1763901100000, SearchTitleVector1763901120000, SearchCategoryIndex1763901130000, SearchVectorInline1763901140000, SearchWords1763901150000, WritesInLockOrder1763901165000, AccountRecovery1763901200000, RateLimits1763901260000, AccountDeletion1763901360000, RuleFiles1763901400000, TrustLevels1763901500000, ModeratorToolkit1763901550000];
