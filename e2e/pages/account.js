// A signed-in page of the site: identifies the rater with the rater token its backend signed
// (before or after raaye.js loads, per `?late`), so the widget asks what the server says this
// rater still owes.
const params = new URLSearchParams(location.search);
window.__shown = [];
raaye('on', 'shown', (payload) => window.__shown.push(payload.interactionId));
const identify = () =>
  raaye('identify', { id: params.get('rater'), token: params.get('token') ?? undefined });
if (params.has('late')) window.addEventListener('load', () => setTimeout(identify, 50));
else identify();
