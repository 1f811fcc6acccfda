// Stands in for the native side of a webview: the handler objects WKWebView, Android's
// addJavascriptInterface and React Native WebView inject, chosen by ?bridge=ios|android|rn.
window.__bridge = [];
const kind = new URLSearchParams(location.search).get('bridge');
const record = (message) =>
  window.__bridge.push(typeof message === 'string' ? JSON.parse(message) : message);
if (kind === 'ios') window.webkit = { messageHandlers: { raaye: { postMessage: record } } };
if (kind === 'android') window.RaayeAndroid = { postMessage: record };
if (kind === 'rn') window.ReactNativeWebView = { postMessage: record };
