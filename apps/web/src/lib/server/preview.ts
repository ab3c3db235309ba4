import type { RequestEvent } from '@sveltejs/kit';
import { MarkdownPreviewDocument } from '@peerdesk/api-client';
import { graphql } from './graphql';
import { refused } from './forms';

/**
 * The `preview` form action every page with a Markdown editor offers: the API renders what was typed,
 * and the page shows it under the editor with every field as it was (`form` names which editor).
 */
export async function previewAction(event: RequestEvent, fieldNames: readonly string[] = []) {
  const data = await event.request.formData();
  const form = String(data.get('form') ?? '');
  const values = Object.fromEntries(['body', ...fieldNames].map((name) => [name, String(data.get(name) ?? '')]));
  if (!values.body.trim()) return { form, preview: '', values };
  try {
    const { markdownPreview } = await graphql(event.fetch, MarkdownPreviewDocument, { body: values.body });
    return { form, preview: markdownPreview, values };
  } catch (e) {
    return refused(e, form, values);
  }
}
