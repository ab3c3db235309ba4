import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Capability } from '@peerdesk/domain';
import { REQUIRED_CAPABILITY, REQUIRES_SIGN_IN, requestContext, requireCapability, requireViewer } from './viewer';

/** Every resolver's authorization goes through here, against the capability table in @peerdesk/domain. */
@Injectable()
export class CapabilityGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true;
    const targets = [context.getHandler(), context.getClass()];
    const capability = this.reflector.getAllAndOverride<Capability | undefined>(REQUIRED_CAPABILITY, targets);
    const signInRequired = this.reflector.getAllAndOverride<boolean | undefined>(REQUIRES_SIGN_IN, targets);
    const { viewer } = requestContext(context);
    if (capability) requireCapability(viewer, capability);
    else if (signInRequired) requireViewer(viewer);
    return true;
  }
}
