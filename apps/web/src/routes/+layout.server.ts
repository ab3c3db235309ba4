import { can, type Capability } from '@peerdesk/domain';
import { absoluteTime, displayZone } from '$lib/time';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
  const { viewer } = locals;
  const may = (capability: Capability) => !!viewer && can(viewer.role, capability);
  const suspension = viewer?.suspension;
  return {
    viewer,
    // A suspended member's banner, and what the post forms say instead of taking a post (the API refuses them anyway).
    suspension: suspension ? { until: absoluteTime(suspension.until, displayZone(viewer?.timeZone)), reason: suspension.reason } : null,
    unreadNotifications: locals.unreadNotifications,
    // The console links the viewer may follow, by the API's capability table (the API checks the pages themselves).
    consoleLinks: { staff: may('view_staff_queue'), moderation: may('moderate_threads'), users: may('manage_users'), review: may('review_posts'), audit: may('view_audit_log'), reports: may('view_reports'), admin: may('manage_categories') },
  };
};
