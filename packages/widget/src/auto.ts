/**
 * The script-tag entry (`raaye.js`): installs `window.raaye` and runs queued commands.
 * The only module of the package with side effects on import.
 */
import { findScript, installCommandApi } from './script/command-queue';

try {
  installCommandApi(window, findScript(document));
} catch (e) {
  console.error('[raaye]', e);
}
