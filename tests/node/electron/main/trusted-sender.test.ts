import { describe, expect, it } from 'vitest';
import { createTrustedSenderCheck } from '../../../../electron/main/trusted-sender';
import { FakeWebContents, FakeWebFrame } from '../../../fakes/electron';

const ours = new FakeWebContents();
const isTrusted = createTrustedSenderCheck((sender) => sender === ours);
const appFrame = new FakeWebFrame('app://sijill/index.html');

describe('trusted sender check', () => {
  it('trusts the main frame of our window on the app page', () => {
    expect(isTrusted({ sender: ours, senderFrame: appFrame })).toBe(true);
  });

  it('refuses a sub-frame of our window, even on the app origin', () => {
    expect(isTrusted({ sender: ours, senderFrame: new FakeWebFrame('app://sijill/index.html', appFrame) })).toBe(false);
  });

  it('refuses another web contents', () => {
    expect(isTrusted({ sender: new FakeWebContents(), senderFrame: appFrame })).toBe(false);
  });

  it.each(['https://example.org/', 'file:///index.html', 'app://evil/index.html', 'about:blank', 'data:text/html,x'])('refuses a frame showing %s', (url) => {
    expect(isTrusted({ sender: ours, senderFrame: new FakeWebFrame(url) })).toBe(false);
  });

  it('refuses a destroyed frame (null) and one that throws when read', () => {
    expect(isTrusted({ sender: ours, senderFrame: null })).toBe(false);
    const throwing = {
      sender: ours,
      get senderFrame(): never {
        throw new Error('Render frame was disposed');
      },
    };
    expect(isTrusted(throwing)).toBe(false);
  });
});
