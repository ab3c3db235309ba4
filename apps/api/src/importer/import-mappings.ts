import type { ImportMapping, StoredImportMapping } from './importer.repository';
import type { ImportedAuthor } from './stackexchange-dump';

const key = (kind: string, sourceId: string) => `${kind}\u0000${sourceId}`;

/**
 * One batch's view of `import_mappings`: what its rows need, read in one query, plus what the batch
 * adds, which it saves in its own transaction (`takeUnsaved`).
 */
export class ImportMappings {
  private readonly targets = new Map<string, string>();
  private readonly accounts = new Map<string, ImportedAuthor>();
  private unsaved: ImportMapping[] = [];

  constructor(stored: readonly StoredImportMapping[] = []) {
    for (const m of stored) {
      this.targets.set(key(m.kind, m.sourceId), m.targetId);
      if (m.kind === 'user') {
        this.accounts.set(m.targetId, { id: m.targetId, displayName: m.displayName ?? 'Unknown user', affiliation: m.affiliation ?? 'COMMUNITY' });
      }
    }
  }

  get(kind: string, sourceId: string | undefined): string | undefined {
    return sourceId === undefined ? undefined : this.targets.get(key(kind, sourceId));
  }

  /** The account a user mapping points to. */
  account(targetId: string): ImportedAuthor {
    return this.accounts.get(targetId) ?? { id: targetId, displayName: 'Unknown user', affiliation: 'COMMUNITY' };
  }

  add(kind: string, sourceId: string, targetId: string): void {
    this.targets.set(key(kind, sourceId), targetId);
    this.unsaved.push({ kind, sourceId, targetId });
  }

  addAccount(sourceId: string, account: ImportedAuthor): void {
    this.add('user', sourceId, account.id);
    this.accounts.set(account.id, account);
  }

  takeUnsaved(): ImportMapping[] {
    const taken = this.unsaved;
    this.unsaved = [];
    return taken;
  }
}
