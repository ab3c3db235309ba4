import { can, type Capability } from '@peerdesk/domain';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
  const { viewer } = locals;
  const may = (capability: Capability) => !!viewer && can(viewer.role, capability);
  return {
    viewer,
    unreadNotifications: locals.unreadNotifications,
    // The console links the viewer may follow, by the API's capability table (the API checks the pages themselves).
    consoleLinks: { staff: may('view_staff_queue'), moderation: may('moderate_threads'), audit: may('view_audit_log'), reports: may('view_reports'), admin: may('manage_categories') },
  };
};
