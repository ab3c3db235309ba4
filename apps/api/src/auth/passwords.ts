import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import type { AppConfig, PasswordHashCost } from '../config/config';
import { CONFIG } from '../config/config.provider';

/**
 * argon2id's parameters. `recommended` is the library's current recommendation (64 MiB, three passes, four lanes:
 * about 0.1 s of two cores a hash). `least` is the least argon2id takes, for the tests only (config.ts): the suite
 * registers over a thousand members through the API, which would otherwise spend minutes hashing. The parameters
 * travel inside each hash, so a hash of either cost verifies under the other.
 */
const PARAMETERS: Record<PasswordHashCost, argon2.HashOptions> = {
  recommended: { type: argon2.argon2id },
  least: { type: argon2.argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 },
};

/** A hash at a cost: the API's is the configured one (Passwords); seeders and create-admin pass theirs. */
export function hashPassword(password: string, cost: PasswordHashCost): Promise<string> {
  return argon2.hash(password, PARAMETERS[cost]);
}

/** The API's password hashing, at the configured cost. */
@Injectable()
export class Passwords {
  private readonly cost: PasswordHashCost;
  // A hash of nothing anyone can type, made with the same parameters as every account's, and checked
  // when an address has no account (or the account no password): a sign-in for an unknown address then
  // costs what one for a real account costs, so timing does not reveal who has one.
  private decoyHash: Promise<string> | null = null;

  constructor(@Inject(CONFIG) config: AppConfig) {
    this.cost = config.passwordHashCost;
  }

  hash(password: string): Promise<string> {
    return hashPassword(password, this.cost);
  }

  /**
   * Makes the decoy before the first sign-in needs it (the API calls this at start-up), so not even the
   * first unknown address pays for hashing it on top of the check.
   */
  prepareDecoy(): Promise<string> {
    this.decoyHash ??= this.hash(randomBytes(32).toString('base64url'));
    return this.decoyHash;
  }

  /** False for a missing hash too, after the same amount of work. */
  async verify(hash: string | null | undefined, password: string): Promise<boolean> {
    if (hash) return argon2.verify(hash, password);
    await argon2.verify(await this.prepareDecoy(), password);
    return false;
  }
}
