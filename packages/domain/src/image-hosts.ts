import { validationFailed } from './errors';
import { type Actor, can } from './roles';
import { type AllowanceHolder, allowanceFor } from './trust-levels';

/**
 * Posts may show images only from the hosts a deployment allows (IMAGE_HOSTS): an image from anywhere
 * else would tell that host who reads the page, and could change after a moderator looked. The API keeps
 * other images as links, and the web's Content-Security-Policy loads images from these hosts only.
 */
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** IMAGE_HOSTS: host names separated by commas or spaces (`i.imgur.com, images.example.com`). */
export function parseImageHosts(value: string | undefined): { hosts: string[]; invalid: string[] } {
  const entries = (value ?? '').split(/[\s,]+/).map((entry) => entry.trim().toLowerCase()).filter(Boolean);
  return { hosts: [...new Set(entries.filter((entry) => HOST_NAME.test(entry)))], invalid: entries.filter((entry) => !HOST_NAME.test(entry)) };
}

/** An https image on an allowed host (exactly that host: a subdomain is another owner's). */
export function isAllowedImageSource(src: string | undefined, hosts: readonly string[]): boolean {
  if (!src) return false;
  try {
    const url = new URL(src);
    return url.protocol === 'https:' && url.port === '' && hosts.includes(url.hostname);
  } catch {
    return false;
  }
}

/** Whether rendered HTML shows an image: the renderer writes `<img` only for an allowed host; text is escaped. */
export function showsImage(bodyHtml: string): boolean {
  return /<img[\s/>]/i.test(bodyHtml);
}

/**
 * A member whose trust level does not allow images (`TRUST_ALLOWANCES.images`: NEW) may not post a body that
 * shows one, as Discourse refuses a new user's images; they may link to it. Employees, moderators and admins
 * (`moderate_threads`) may. `bodyHtml`: the body as rendered, so only an image readers would see counts.
 */
export function checkImagesAllowed(author: Pick<Actor, 'role'> & AllowanceHolder, bodyHtml: string): void {
  if (!showsImage(bodyHtml) || can(author.role, 'moderate_threads') || allowanceFor(author).images) return;
  throw validationFailed([{ field: 'body', message: "New members can't show images yet: link to the picture instead." }]);
}
