// The Chromium every browser tool here runs (tests, end-to-end tests, benchmark, screenshots):
// Debian's build at CHROME_PATH, headless, as root in a sandbox-less container, with nothing
// reaching out to the network on its own.

/** Where Chromium is: `CHROME_PATH`, else Debian's `/usr/bin/chromium`. */
export const chromiumPath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** Flags for a headless run as root, without background network traffic. */
export const chromiumArgs = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
