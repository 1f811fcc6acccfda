export type { Bridge, BridgeMessage } from './bridge/webview-bridge';
export { detectBridge } from './bridge/webview-bridge';
export type { RatingPromptProps, SubmitInput } from './components/RatingPrompt';
export { RatingPrompt } from './components/RatingPrompt';
export { ask, destroy, init } from './default-instance';
export type { LocalePack, Strings } from './i18n/strings';
export { en } from './i18n/strings';
export { mount, registerLocale } from './mount';
export { fetchOwed } from './owed';
export type {
  AskResult,
  FollowUpTags,
  Layout,
  MountOptions,
  PromptConfig,
  ThemeMode,
  ThemeTokens,
  WidgetController,
  WidgetEvents,
} from './types';
