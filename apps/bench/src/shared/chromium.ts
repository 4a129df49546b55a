/** The Chromium every browser figure runs in, and the switches it is started with. */
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * Browser features off in every Chromium the bench starts. Headless Chromium builds its address
 * bar's popups (omnibox, composebox: WebUI pages, each in a renderer of its own) for every new
 * window, while the page in it loads: on two cores that took about 130 ms from each first paint
 * measured (the Work Plan's 437 and 452 ms against 267 and 296 ms without them, the chart alone 245
 * and 283 against 135 and 159), on both sides of every comparison, as noise. Chromium reads one
 * --disable-features switch, the last: the list repeats the features Playwright and chrome-launcher
 * switch off by default.
 */
export const BROWSER_UI_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxFullPopup', 'WebUIOmniboxAimPopup'];

/** Those playwright-core switches off itself (its chromiumSwitches), which a --disable-features of ours replaces. */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
];

export const disableFeatures = (...lists: string[][]): string => `--disable-features=${[...new Set(lists.flat())].join(',')}`;

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, disableFeatures(PLAYWRIGHT_DISABLED_FEATURES, BROWSER_UI_FEATURES)],
    timeout: 120_000,
  });
}
