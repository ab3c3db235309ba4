import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { type Affiliation, type Capability, can, forbidden, suspensionRefusal, type RestrictionColumns, type Role, type TrustLevel, unauthenticated } from '@peerdesk/domain';
import type { Loaders } from './loaders';

/**
 * The signed-in user as this request sees them (role and standing read fresh from the database on every
 * request): the suspension and silence columns come along, so one rule (packages/domain/src/standing.ts)
 * decides at the guard whether they may take part.
 */
export interface Viewer extends RestrictionColumns {
  id: string;
  role: Role;
  affiliation: Affiliation;
  displayName: string;
  /** Read fresh with the role: what rate limits by trust level count against. */
  trustLevel: TrustLevel;
  /** Hash of the session token the request came with, so logout ends exactly this session. */
  sessionTokenHash: string;
}

export interface RequestContext {
  req: Request;
  res: Response;
  viewer: Viewer | null;
  loaders: Loaders;
  /**
   * What answering did besides reading (a question view counted, a search recorded), to be done again for each
   * later request the page cache (page-cache/page-cache.ts) answers with this response: called with that request's context.
   */
  repeatOnHit: Array<(hit: RequestContext) => void>;
}

export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated('Please sign in to do that.');
  return viewer;
}

/**
 * The viewer when their role has the capability and nothing stands in the way at `now`: a suspended
 * member may not use a participation capability (asking, answering, commenting, voting, flagging), and is
 * told until when and why.
 */
export function requireCapability(viewer: Viewer | null, capability: Capability, now: Date): Viewer {
  const signedIn = requireViewer(viewer);
  if (!can(signedIn.role, capability)) {
    throw forbidden(`Your role (${signedIn.role.toLowerCase()}) does not allow this.`);
  }
  const refusal = suspensionRefusal(signedIn, capability, now);
  if (refusal) throw forbidden(refusal);
  return signedIn;
}

/**
 * Who signed in, for a plain HTTP request (a controller's route): GraphQL operations find the viewer in their context;
 * the app module provides this from the sessions, so `common/` needs no feature module.
 */
export const REQUEST_VIEWER = Symbol('REQUEST_VIEWER');
export type RequestViewer = (req: Request) => Promise<Viewer | null>;

export const REQUIRED_CAPABILITY = 'peerdesk:required-capability';
export const REQUIRES_SIGN_IN = 'peerdesk:requires-sign-in';

/** The operation needs a signed-in viewer whose role has this capability (checked by CapabilityGuard). */
export const Requires = (capability: Capability) => SetMetadata(REQUIRED_CAPABILITY, capability);
/** The operation needs a signed-in viewer, whatever their role. */
export const SignedIn = () => SetMetadata(REQUIRES_SIGN_IN, true);

export function requestContext(context: ExecutionContext): RequestContext {
  return GqlExecutionContext.create(context).getContext<RequestContext>();
}

/** The signed-in viewer or null; combine with @SignedIn()/@Requires() when one is needed. */
export const CurrentViewer = createParamDecorator((_data: unknown, context: ExecutionContext) => requestContext(context).viewer);
