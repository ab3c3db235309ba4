import type DataLoader from 'dataloader';

/**
 * A question's or an answer's Markdown source and its sanitized HTML: kilobytes in real posts, and shown only on the
 * post's own page. Rows read for lists, search hits, similar questions and accepted answers leave it out (POST_TEXT);
 * the schema's `body` and `bodyHtml` then read it through the request's loader, only when a query asks for them.
 */
export interface PostText {
  id: string;
  body: string;
  bodyHtml: string;
}

/** The entity properties that hold a post's text, for the row types and select lists that leave it out. */
export const POST_TEXT = ['body', 'bodyHtml'] as const;

/** A model's text: the one it was built with (its row read whole), else loaded by the post's id (batched per request). */
export async function textOf(post: { id: string; text: PostText | null }, loader: DataLoader<string, PostText | null>): Promise<PostText> {
  const text = post.text ?? (await loader.load(post.id));
  // Posts are only ever soft-deleted: the row a model was built from is still there.
  if (!text) throw new Error(`No text for post ${post.id}`);
  return text;
}
