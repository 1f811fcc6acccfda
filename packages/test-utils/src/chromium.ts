import { type Browser, chromium, type LaunchOptions } from 'playwright-core';
import { built } from './built';

/** Debian's Chromium (we never download browsers); RAAYE_CHROMIUM points elsewhere. */
export const CHROMIUM_PATH = process.env.RAAYE_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Flags for a quiet, deterministic headless run on a shared CI box: no sandbox (containers), no
 * GPU, and none of the background traffic (updates, sync, QUIC probes) that would add noise to
 * timings or hit the network.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Whether Chromium is there; throws under CI=true, where a missing browser must not turn green.
 */
export function haveChromium(): boolean {
  return built(CHROMIUM_PATH, "install Debian's chromium package (see .ci/run)");
}

/** The one way tests and benches start Chromium. Extra `args` are appended to CHROMIUM_ARGS. */
export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    headless: true,
    ...options,
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}
