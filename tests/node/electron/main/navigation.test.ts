import { describe, expect, it } from 'vitest';
import { guardWebContents } from '../../../../electron/main/navigation';
import { FakeEvent, FakeWebContents } from '../../../fakes/electron';

function guarded(): FakeWebContents {
  const contents = new FakeWebContents();
  guardWebContents(contents);
  return contents;
}

describe('navigation guard', () => {
  it.each(['https://example.org/', 'http://127.0.0.1:5173/', 'file:///etc/passwd', 'app://evil/index.html', 'app://sijill/assets/x.js', 'javascript:alert(1)', 'about:blank'])(
    'refuses will-navigate to %s',
    (url) => {
      const contents = guarded();
      const event = new FakeEvent({ url });
      contents.emit('will-navigate', event, url);
      expect(event.defaultPrevented).toBe(true);
    },
  );

  it('allows going back to the app entry page', () => {
    const contents = guarded();
    const event = new FakeEvent({ url: 'app://sijill/index.html' });
    contents.emit('will-navigate', event, 'app://sijill/index.html');
    expect(event.defaultPrevented).toBe(false);
  });

  it('reads the URL from the legacy argument when the event has none', () => {
    const contents = guarded();
    const event = new FakeEvent();
    contents.emit('will-navigate', event, 'https://example.org/');
    expect(event.defaultPrevented).toBe(true);
  });

  it('refuses every sub-frame navigation and main-frame ones away from the app', () => {
    const contents = guarded();
    const sub = new FakeEvent({ url: 'app://sijill/index.html', isMainFrame: false });
    const away = new FakeEvent({ url: 'https://example.org/', isMainFrame: true });
    const home = new FakeEvent({ url: 'app://sijill/', isMainFrame: true });
    contents.emit('will-frame-navigate', sub);
    contents.emit('will-frame-navigate', away);
    contents.emit('will-frame-navigate', home);
    expect([sub.defaultPrevented, away.defaultPrevented, home.defaultPrevented]).toEqual([true, true, false]);
  });

  it('refuses every redirect, even to the app', () => {
    const contents = guarded();
    const event = new FakeEvent({ url: 'app://sijill/index.html' });
    contents.emit('will-redirect', event);
    expect(event.defaultPrevented).toBe(true);
  });

  it('refuses to attach a webview', () => {
    const contents = guarded();
    const event = new FakeEvent();
    contents.emit('will-attach-webview', event, {}, { src: 'https://example.org/' });
    expect(event.defaultPrevented).toBe(true);
  });

  it('denies every new window', () => {
    const contents = guarded();
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://sijill/index.html' })).toEqual({ action: 'deny' });
  });
});
