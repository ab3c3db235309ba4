import { error } from '@sveltejs/kit';
import { ExportMyDataDocument } from '@peerdesk/api-client';
import { graphql, GraphQLRequestError } from '$lib/server/graphql';
import type { RequestHandler } from './$types';

/** The member's data as a JSON file to keep. */
export const GET: RequestHandler = async ({ locals }) => {
  if (!locals.viewer) error(401, { code: 'UNAUTHENTICATED', message: 'Please sign in to download your data.' });
  let data;
  try {
    data = await graphql(ExportMyDataDocument);
  } catch (e) {
    if (!(e instanceof GraphQLRequestError)) throw e;
    error(e.unavailable ? 503 : 400, { code: e.code, message: e.message });
  }
  const day = new Date().toISOString().slice(0, 10);
  return new Response(JSON.stringify(data.exportMyData, null, 2), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="peerdesk-my-data-${day}.json"`,
      'cache-control': 'private, no-store',
    },
  });
};
