import { runInThisContext } from 'node:vm';

/** The snippet from the README, verbatim: sites paste it before the script tag. */
export const SNIPPET =
  'window.raaye = window.raaye || function(){(raaye.q=raaye.q||[]).push(arguments)}';

/** Run code as a classic script in the test window (as a `<script>` would). */
export function runScript(code: string): void {
  runInThisContext(code);
}
