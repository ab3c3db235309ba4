import { type CanActivate, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { RateLimitAction } from '@peerdesk/domain';
import { requestContext } from '../common/viewer';
import { clientIp } from './client-ip';
import { RateLimitsService } from './rate-limits.service';

const RATE_LIMITED_ACTION = 'peerdesk:rate-limited-action';

/** Each call counts as one `action` against its limits (DEFAULT_RATE_RULES), per IP and per signed-in account, and by the account's trust level (TRUST_RATE_LIMITS). */
export const RateLimit = (action: RateLimitAction) => SetMetadata(RATE_LIMITED_ACTION, action);

/** Runs after CapabilityGuard, so a request refused for who it is counts nothing. */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimitsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true;
    const action = this.reflector.get<RateLimitAction | undefined>(RATE_LIMITED_ACTION, context.getHandler());
    if (!action) return true;
    const { req, viewer } = requestContext(context);
    await this.limits.consume(action, {
      ip: clientIp(req),
      accountId: viewer?.id ?? null,
      // Employees and moderators are never held back as newcomers, whatever the level on their account.
      trust: viewer ? { level: viewer.trustLevel, exempt: viewer.affiliation === 'EMPLOYEE' || viewer.role !== 'MEMBER' } : undefined,
    });
    return true;
  }
}
