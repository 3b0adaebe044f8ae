// Customer-care sentences in German and English, with numbers, an address, an e-mail address and
// an insult, so that every kind of rule has work (bench-speed.mjs, bench-new-text.mjs).
export const sentences = ['Hallo Frau Meier, das tut uns leid.', 'Wir schauen uns das gerne an.',
  'Schreiben Sie uns bitte eine DM mit Ihrer Kundennummer, dann melden wir uns.', 'Thanks for your patience!',
  'Your parcel left our warehouse yesterday and should arrive on Monday.', 'Could you restart the router once?',
  'Honestly, only an idiot would order twice.', 'We will check whether a refund is possible.',
  'Die Lieferung an die Hauptstraße 12 in 10115 Berlin ist für den 3.4. geplant.',
  'Please send the photos to service@example.com by Friday.'];
