import { Marked } from 'marked';
import { isAllowedImageSource } from '@peerdesk/domain';
import sanitizeHtml from 'sanitize-html';

const markdown = new Marked({ gfm: true, breaks: false });

/** An absolute http(s) address; a relative source (`x`) would be a broken image fetched from our own site. */
function isAbsoluteHttpUrl(src: string | undefined): boolean {
  if (!src) return false;
  try {
    const { protocol } = new URL(src);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

const LINK_REL = 'nofollow ugc noopener noreferrer';

export interface RenderOptions {
  /** Hosts whose https images are shown (IMAGE_HOSTS); an image from anywhere else becomes a link to it. */
  imageHosts?: readonly string[];
}

/** An image stays an image only from an allowed host; another absolute address is kept as a link, so nothing is lost. */
function imageOrLink(attribs: sanitizeHtml.Attributes, imageHosts: readonly string[]): sanitizeHtml.Tag {
  if (isAllowedImageSource(attribs.src, imageHosts)) return { tagName: 'img', attribs };
  if (isAbsoluteHttpUrl(attribs.src)) return { tagName: 'a', attribs: { href: attribs.src, rel: LINK_REL }, text: attribs.alt || 'image' };
  return { tagName: 'span', attribs: {}, text: attribs.alt ?? '' };
}

/**
 * Markdown → HTML that is safe to put on a page: no scripts, no event handlers, no `javascript:` links,
 * whatever the author typed (raw HTML in Markdown included).
 */
export function renderMarkdown(source: string, { imageHosts = [] }: RenderOptions = {}): string {
  const html = markdown.parse(source, { async: false });
  return sanitizeHtml(html, {
    allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'del', 'ins', 'sup', 'sub', 'input'],
    allowedAttributes: {
      // rel is always the one transformTags sets below; it must be allowed or the sanitizer drops it again.
      a: ['href', 'title', 'rel'],
      img: ['src', 'alt', 'title'],
      // Only what transformTags writes for a task item's checkbox.
      input: ['type', 'checked', 'disabled', 'aria-label'],
      code: ['class'],
      th: ['align'],
      td: ['align'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowProtocolRelative: false,
    transformTags: {
      // Links written by the public are not endorsed by the site and must not reach back into it.
      a: sanitizeHtml.simpleTransform('a', { rel: LINK_REL }),
      // An image we will not load leaves its description (and its address, when it has one), so the post still reads.
      img: (_tagName, attribs) => imageOrLink(attribs, imageHosts),
      // GFM task items (`- [x]`): every input becomes a disabled checkbox, never a field a form would submit.
      input: (_tagName, attribs) => ({
        tagName: 'input',
        attribs: { type: 'checkbox', disabled: '', 'aria-label': 'Task', ...('checked' in attribs ? { checked: '' } : {}) },
      }),
    },
  });
}
