// Headless Chromium for browser tests: Debian's /usr/bin/chromium driven by playwright-core,
// a fresh profile per launch, no network services. In CI (CI set) a missing browser is a
// failure; on a developer's machine without Chromium the browser tests skip, saying why.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Where Debian installs Chromium (`apt-get install chromium`). */
export const CHROMIUM = process.env.VPCSIM_CHROMIUM ?? '/usr/bin/chromium';

/** Why browser tests cannot run here, or undefined when they can (or must: CI). */
export function browserSkipReason(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  if (process.env.CI) return undefined; // CI must have it: launching fails loudly instead
  return `no Chromium at ${CHROMIUM} and CI is not set (install it with: apt-get install -y chromium)`;
}

/** A running browser with one fresh profile. */
export interface Chromium {
  readonly context: BrowserContext;
  newPage(options?: { colorScheme?: 'light' | 'dark'; width?: number; height?: number }): Promise<Page>;
  close(): Promise<void>;
}

/** Launch Chromium headless with a fresh --user-data-dir. */
export async function launchChromium(): Promise<Chromium> {
  const profile = mkdtempSync(join(tmpdir(), 'vpcsim-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 900 },
  });
  return {
    context,
    async newPage(options = {}) {
      const page = await context.newPage();
      await page.setViewportSize({ width: options.width ?? 1400, height: options.height ?? 900 });
      await page.emulateMedia({ colorScheme: options.colorScheme ?? 'light' });
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** How much of a PNG screenshot is not its most common colour (0 for a blank page). */
export async function inkFraction(browser: Chromium, png: Buffer): Promise<number> {
  const page = await browser.newPage();
  try {
    // Runs in the page (no DOM types in this project's TypeScript): decode, count colours.
    return await page.evaluate(`(async () => {
      const img = new Image();
      img.src = 'data:image/png;base64,${png.toString('base64')}';
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const px = ctx.getImageData(0, 0, img.width, img.height).data;
      const counts = new Map();
      for (let i = 0; i < px.length; i += 4) {
        const key = (px[i] << 16) | (px[i + 1] << 8) | px[i + 2];
        counts.set(key, (counts.get(key) || 0) + 1);
      }
      let top = 0;
      for (const n of counts.values()) top = Math.max(top, n);
      return 1 - top / (px.length / 4);
    })()`) as number;
  } finally {
    await page.close();
  }
}

/** One browser for a test file: launched before its tests, closed after; call the getter inside a test. */
export function useChromium(): () => Chromium {
  let browser: Chromium | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium did not start');
    return browser;
  };
}
