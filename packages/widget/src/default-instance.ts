import { RaayeError } from '@raaye/core';
import { mount } from './mount';
import type { AskResult, MountOptions, PromptConfig, WidgetController } from './types';

let instance: WidgetController | undefined;

/**
 * Start the page-wide widget used by `ask()`. Calling it again replaces the previous one.
 * For several independent widgets, use `mount()`.
 */
export function init(options: MountOptions): WidgetController {
  instance?.destroy();
  instance = mount(options);
  return instance;
}

/**
 * Ask with the page-wide widget (see `init`). Prompts queue and show one at a time.
 *
 * @example
 * init({ siteKey: 'pk_…', endpoint: 'https://ratings.example.com' });
 * const result = await ask({ interactionId: 'ride_42', title: 'How was your ride with Ali?', required: true });
 */
export function ask(prompt: PromptConfig): Promise<AskResult> {
  if (!instance)
    return Promise.reject(
      new RaayeError(
        'invalid_option',
        '@raaye/widget: call init({ siteKey, endpoint }) before ask().',
      ),
    );
  return instance.ask(prompt);
}

/** Remove the page-wide widget (SPA route change, logout). */
export function destroy(): void {
  instance?.destroy();
  instance = undefined;
}

/** @internal */
export function current(): WidgetController | undefined {
  return instance;
}
