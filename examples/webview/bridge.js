// Page shown in the app's webview. The native side drives it with window.raaye(...) and hears
// back through its message handler (see README.md). Nothing here is platform-specific: the widget
// detects WKWebView, Android or React Native by the handler that exists.
// biome-ignore-start lint/complexity/noArguments lint/suspicious/noAssignInExpressions: the snippet
// biome-ignore format: kept on one line, exactly as documented
window.raaye = window.raaye || function(){(raaye.q=raaye.q||[]).push(arguments)};
// biome-ignore-end lint/complexity/noArguments lint/suspicious/noAssignInExpressions: end

// Bottom sheet, the mobile layout; the locale follows the app if it passes ?lang=ur.
const lang = new URLSearchParams(location.search).get('lang') ?? undefined;
raaye('init', { layout: 'sheet', locale: lang });

// For a quick look in a desktop browser: ?demo=1 asks straight away.
if (new URLSearchParams(location.search).has('demo')) {
  raaye('ask', {
    interactionId: `trip_${Date.now()}`,
    title: 'How was your trip?',
    required: true,
  });
}
