import { isAllowedImageSource, parseImageHosts } from './image-hosts';

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
