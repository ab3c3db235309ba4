import type { Affiliation, Role } from './roles';
import type { TrustLevel } from './trust-levels';
import { checkImagesAllowed, isAllowedImageSource, parseImageHosts, showsImage } from './image-hosts';

describe('image hosts', () => {
  it('reads host names separated by commas or spaces, and reports what is not one', () => {
    expect(parseImageHosts(' i.imgur.com, Images.Example.com  cdn.example.org,i.imgur.com')).toEqual({
      hosts: ['i.imgur.com', 'images.example.com', 'cdn.example.org'], invalid: [],
    });
    expect(parseImageHosts(undefined)).toEqual({ hosts: [], invalid: [] });
    expect(parseImageHosts('https://x.example.com, localhost, *.example.com, ok.example.com').invalid).toEqual(['https://x.example.com', 'localhost', '*.example.com']);
  });

  it('allows an https image on exactly an allowed host', () => {
    const hosts = ['i.imgur.com'];
    expect(isAllowedImageSource('https://i.imgur.com/a.png', hosts)).toBe(true);
    for (const src of ['http://i.imgur.com/a.png', 'https://evil.i.imgur.com/a.png', 'https://i.imgur.com.evil.example/a.png', 'https://i.imgur.com:8443/a.png', '//i.imgur.com/a.png', 'x', undefined, 'data:image/png;base64,AAAA']) {
      expect([src, isAllowedImageSource(src, hosts)]).toEqual([src, false]);
    }
  });
});

describe('checkImagesAllowed: images by trust level', () => {
  const shown = '<p>The lights: <img src="https://images.example.com/r.png" alt="router" /></p>\n';
  const member = (trustLevel: TrustLevel, role: Role = 'MEMBER', affiliation: Affiliation = 'COMMUNITY') => ({ role, trustLevel, affiliation });

  it('tells an image readers would see from text that only mentions one', () => {
    expect(showsImage(shown)).toBe(true);
    expect(showsImage('<p>Type &lt;img src=x&gt; and <a href="https://x.example/a.png">the picture</a></p>')).toBe(false);
  });

  it('refuses a NEW member a body that shows an image, on `body`, and lets them link to it', () => {
    expect(() => checkImagesAllowed(member('NEW'), shown)).toThrow(expect.objectContaining({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'body', message: "New members can't show images yet: link to the picture instead." }],
    }));
    expect(() => checkImagesAllowed(member('NEW'), '<p><a href="https://images.example.com/r.png">router</a></p>')).not.toThrow();
  });

  it.each<TrustLevel>(['BASIC', 'MEMBER', 'REGULAR', 'LEADER'])('lets a %s member show images', (level) => {
    expect(() => checkImagesAllowed(member(level), shown)).not.toThrow();
  });

  it('lets a NEW employee, moderator and admin show images', () => {
    expect(() => checkImagesAllowed(member('NEW', 'STAFF', 'EMPLOYEE'), shown)).not.toThrow();
    expect(() => checkImagesAllowed(member('NEW', 'MANAGER', 'EMPLOYEE'), shown)).not.toThrow();
    expect(() => checkImagesAllowed(member('NEW', 'MODERATOR'), shown)).not.toThrow();
    expect(() => checkImagesAllowed(member('NEW', 'ADMIN', 'EMPLOYEE'), shown)).not.toThrow();
  });
});
