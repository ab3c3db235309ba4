import type { RequestEvent } from '@sveltejs/kit';
import { MarkdownPreviewDocument } from '@peerdesk/api-client';
import { formAction } from './forms';

/**
 * The `preview` form action every page with a Markdown editor offers: the API renders what was typed,
 * and the page shows it under the editor with every field as it was (`form` names which editor).
 */
export async function previewAction(event: RequestEvent, fieldNames: readonly string[] = []) {
  const data = await event.request.formData();
  const form = String(data.get('form') ?? '');
  const values = Object.fromEntries(['body', ...fieldNames].map((name) => [name, String(data.get(name) ?? '')]));
  if (!values.body.trim()) return { form, preview: '', values };
  return formAction(event, form, MarkdownPreviewDocument, { body: values.body }, {
    anyone: true,
    values,
    then: ({ markdownPreview }) => ({ preview: markdownPreview, values }),
  });
}
