import { existsSync } from 'node:fs'
import { chromium, type LaunchOptions } from 'playwright'

/**
 * Debian's Chromium (apt-get install chromium). Playwright downloads no
 * browser here, so its bundled-browser lookup would fail.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export async function launchChromium(options: Pick<LaunchOptions, 'slowMo'> = {}) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it with "apt-get install -y chromium" ` +
        'or point CHROMIUM_PATH at a Chromium binary.'
    )
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    slowMo: options.slowMo,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}
