import { type RenderResult, render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { en, type Strings, StringsContext } from '../../src/i18n/context';

/** Renders inside a language pack (English by default), as the app does. */
export function renderIn(ui: ComponentChildren, strings: Strings = en): RenderResult {
  return render(<StringsContext.Provider value={strings}>{ui}</StringsContext.Provider>);
}
