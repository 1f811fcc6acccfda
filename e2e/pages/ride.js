// A site's page code: asks for a rating before raaye.js has loaded (the call is queued).
// Query parameters choose the interaction and options, so one page serves every scenario.
const params = new URLSearchParams(location.search);
window.__events = [];
window.__results = [];
for (const name of ['shown', 'submitted', 'dismissed', 'sent', 'queued', 'error', 'storage']) {
  raaye('on', name, (payload) => window.__events.push({ name, payload }));
}
window.__queuedBeforeLoad = Array.isArray(window.raaye.q);
if (params.has('id')) {
  raaye(
    'ask',
    {
      interactionId: params.get('id'),
      interactionType: 'ride',
      title: 'How was your ride with Ali?',
      subtitle: 'Toyota Corolla · 14 min',
      required: params.has('required'),
      tags: {
        low: ['Late pickup', 'Rude', 'Dirty car'],
        high: ['Friendly', 'Clean car', 'On time'],
      },
    },
    (result) => window.__results.push(result),
  );
}
