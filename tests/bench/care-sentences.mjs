// Customer-care sentences in German and English, with numbers, an address, an e-mail address and
// an insult, so that every kind of rule has work (bench-speed.mjs, bench-new-text.mjs).
export const sentences = ['Hallo Frau Meier, das tut uns leid.', 'Wir schauen uns das gerne an.',
  'Schreiben Sie uns bitte eine DM mit Ihrer Kundennummer, dann melden wir uns.', 'Thanks for your patience!',
  'Your parcel left our warehouse yesterday and should arrive on Monday.', 'Could you restart the router once?',
  'Honestly, only an idiot would order twice.', 'We will check whether a refund is possible.',
  'Die Lieferung an die Hauptstraße 12 in 10115 Berlin ist für den 3.4. geplant.',
  'Please send the photos to service@example.com by Friday.'];

// A word of letters for n (a, b, …, z, ba, …): letters, not digits, which would add phone and
// postcode candidates.
const letters = (n) => { let w = ''; for (n += 1; n > 0; n = Math.floor(n / 26)) w += String.fromCharCode(97 + n % 26); return w; };
// A 2,000-character text for ticket i whose every sentence is new to the classifier's cache (a new
// word and a colon before each); the other words are known from earlier texts.
export const newText = (i) => {
  let s = `Ticket ${i}: `;
  for (let k = 0; s.length < 2000; k++) s += `${letters(i * 64 + k)}: ${sentences[k % sentences.length]} `;
  return s.slice(0, 2000);
};
