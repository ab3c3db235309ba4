import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Capability } from '@peerdesk/domain';
import { CLOCK, type Clock } from './clock';
import { REQUEST_VIEWER, REQUIRED_CAPABILITY, REQUIRES_SIGN_IN, requestContext, requireCapability, requireViewer, type RequestViewer, type Viewer } from './viewer';

/**
 * Every resolver's and controller's authorization goes through here, against the capability table in @peerdesk/domain:
 * `@Requires(capability)` or `@SignedIn()` on the operation or route. A refusal is a DomainError (UNAUTHENTICATED,
 * FORBIDDEN), answered as GraphQL errors are, or over HTTP with the code's status (RequestErrorFilter). A suspended
 * member's participation (asking, answering, commenting, voting, flagging) is refused here too, in this one
 * place, by the injected clock: a suspension ends by itself at its end.
 */
@Injectable()
export class CapabilityGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(REQUEST_VIEWER) private readonly viewerOfRequest: RequestViewer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const type = context.getType<string>();
    if (type !== 'graphql' && type !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const capability = this.reflector.getAllAndOverride<Capability | undefined>(REQUIRED_CAPABILITY, targets);
    const signInRequired = this.reflector.getAllAndOverride<boolean | undefined>(REQUIRES_SIGN_IN, targets);
    if (!capability && !signInRequired) return true;
    const viewer: Viewer | null = type === 'graphql'
      ? requestContext(context).viewer
      : await this.viewerOfRequest(context.switchToHttp().getRequest<Request>());
    if (capability) requireCapability(viewer, capability, this.clock.now());
    else requireViewer(viewer);
    return true;
  }
}
