// The documented snippet: a queue until /sdk/raaye.js loads, then the real command function.
// biome-ignore-start lint/complexity/noArguments lint/suspicious/noAssignInExpressions: the snippet sites paste
// biome-ignore format: kept on one line, exactly as documented
window.raaye = window.raaye || function(){(raaye.q=raaye.q||[]).push(arguments)};
// biome-ignore-end lint/complexity/noArguments lint/suspicious/noAssignInExpressions: end

const log = (text) => {
  const li = document.createElement('li');
  li.textContent = `${new Date().toLocaleTimeString()} ${text}`;
  document.getElementById('log').prepend(li);
};

raaye('on', 'shown', (p) => log(`shown: ${p.interactionId}${p.required ? ' (required)' : ''}`));
raaye('on', 'submitted', (p) =>
  log(`rated ${p.rating.score}/5 — ${p.queued ? 'saved offline, will be sent' : 'saved, sending'}`),
);
raaye('on', 'sent', (p) => log(`collector ${p.status} rating ${p.id.slice(0, 8)}…`));
raaye('on', 'high-score', () => log('high score: an app could ask for a store review now'));
raaye('on', 'error', (e) => log(`error: ${e.message}`));

const trip = document.getElementById('trip');
const ended = document.getElementById('ended');

document.getElementById('end-ride').addEventListener('click', () => {
  trip.hidden = true;
  ended.hidden = false;
  const rideId = `ride_${Date.now().toString(36)}`;
  // Required: the rider must give a score before using the app again. If they close the tab,
  // the prompt comes back on the next page view until answered (or it expires in 7 days).
  raaye(
    'ask',
    {
      interactionId: rideId,
      interactionType: 'ride',
      scale: 'stars5',
      title: 'How was your ride with Ali?',
      subtitle: 'Toyota Corolla · LEA-4521 · 14 min',
      required: true,
      tags: {
        low: ['Late pickup', 'Unsafe driving', 'Dirty car', 'Rude', 'Wrong route'],
        high: ['Friendly', 'Clean car', 'Safe driving', 'On time', 'Good music'],
      },
    },
    (result) => log(`ask() finished: ${result.status}`),
  );
});

document.getElementById('again').addEventListener('click', () => {
  ended.hidden = true;
  trip.hidden = false;
});

for (const button of document.querySelectorAll('[data-locale]')) {
  button.addEventListener('click', () => {
    const locale = button.dataset.locale;
    document.documentElement.lang = locale;
    document.documentElement.dir = locale === 'ur' ? 'rtl' : 'ltr';
    for (const b of document.querySelectorAll('[data-locale]'))
      b.setAttribute('aria-pressed', String(b === button));
    // Re-initialise with the new language (data-* settings are kept).
    raaye('init', { locale });
  });
}
