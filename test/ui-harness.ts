/**
 * For the browser tests: the real HTTP server (createApp + the UI's static handler) on 127.0.0.1 and a random port,
 * backed by a real SQLite file in a temporary folder, and Debian's Chromium driven by playwright-core.
 * The UI is built first when dist/ui is missing or older than its sources (a fresh clone builds it here).
 */
import { after, before } from 'node:test';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureUi, serveUi } from '../src/server/static.js';
import { startServer } from '../src/server/serve.js';
import { openStore, type Store } from '../src/store/store.js';
import type { Extraction } from '../src/types.js';

export const ARTIFACTS = path.resolve('test-artifacts', 'ui');
export const CHROMIUM = process.env.SELON_CHROMIUM ?? '/usr/bin/chromium';

export interface UiServer {
  url: string;
  store: Store;
  close(): Promise<void>;
}

export async function startUiServer(records: Extraction[] = [], options: { token?: string } = {}): Promise<UiServer> {
  await ensureUi({ quiet: true });
  const dir = mkdtempSync(path.join(tmpdir(), 'selon-ui-'));
  const store = await openStore(`sqlite:${path.join(dir, 'selon.db')}`);
  if (records.length) await store.ingestMany(records);
  // The server `selon serve` and `selon demo` run: loopback, Host header checked, UI and API on one port.
  const running = await startServer({ store, host: '127.0.0.1', port: 0, ui: serveUi(), token: options.token ?? null });
  return {
    url: `http://127.0.0.1:${running.port}`,
    store,
    async close() {
      await running.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Saves a full-page screenshot under test-artifacts/ui/NAME.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Collects page errors and console errors so a test can assert there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/** A UI server on these records and a Chromium, started before the file's tests and stopped after them. */
export function uiSession(records: Extraction[]): { server: UiServer; browser: Browser } {
  const session = {} as { server: UiServer; browser: Browser };
  before(async () => {
    session.server = await startUiServer(records);
    session.browser = await launchChromium();
  });
  after(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}
