// Playwright cannot download browsers on our machines: every tier drives Debian's Chromium.
// These flags keep Chromium from reaching out to the network on its own.
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
];

export function chromiumPath(): string {
  return process.env['SIJILL_CHROMIUM'] ?? '/usr/bin/chromium';
}
