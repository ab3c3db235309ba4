// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    interface Error {
      /** A machine-readable reason, e.g. API_UNAVAILABLE or a GraphQL `extensions.code`. */
      code?: string;
    }
    interface Locals {
      /** Who is signed in (hooks.server.ts asks the API once per request); null for a visitor. */
      viewer: import('@peerdesk/api-client').ViewerQuery['me'];
      unreadNotifications: number;
    }
    // interface PageData {}
    // interface PageState {}
    // interface Platform {}
  }
}

export {};
