import type { Source } from '@raaye/core/contract';

/**
 * A message to the native side. `version` changes only when the shape of a payload changes in an
 * incompatible way.
 */
export interface BridgeMessage {
  type: `raaye:${string}`;
  version: 1;
  payload: unknown;
}

export interface Bridge {
  /** Becomes the `source` of ratings. */
  kind: Extract<Source, 'webview-ios' | 'webview-android' | 'react-native'>;
  post(message: BridgeMessage): void;
}

interface NativeWindow {
  webkit?: { messageHandlers?: { raaye?: { postMessage(m: unknown): void } } };
  RaayeAndroid?: { postMessage(m: string): void };
  ReactNativeWebView?: { postMessage(m: string): void };
}

/**
 * Find the native handler of the webview we run in, if any. iOS (WKScriptMessageHandler) takes
 * structured objects; Android's JavascriptInterface and React Native take strings only.
 */
export function detectBridge(win: Window = window): Bridge | undefined {
  const w = win as unknown as NativeWindow;
  const ios = w.webkit?.messageHandlers?.raaye;
  if (ios) return { kind: 'webview-ios', post: (m) => ios.postMessage(m) };
  const android = w.RaayeAndroid;
  if (android)
    return { kind: 'webview-android', post: (m) => android.postMessage(JSON.stringify(m)) };
  const rn = w.ReactNativeWebView;
  if (rn) return { kind: 'react-native', post: (m) => rn.postMessage(JSON.stringify(m)) };
  return undefined;
}
