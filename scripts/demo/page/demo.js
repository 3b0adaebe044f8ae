// The demo page: a customer's post, a reply box and a publish button, in English or German.
// Nothing is sent anywhere; "sent" replies are only added to this page. ReplyGuard itself is not
// touched here: the page is an ordinary page the extension's content script checks.
(() => {
  const T = {
    en: {
      title: 'ReplyGuard demo — Funkwelle support',
      howTitle: 'Try it',
      how1: 'Click “Insert” next to a sample reply, or type your own reply in the box.',
      how2: 'Problems are underlined while you type. Hover an underline (or press Alt+Shift+R in the box) to see why, and fix it with one click.',
      how3: 'Press “Reply” (or Ctrl+Enter). While a blocking problem remains, ReplyGuard holds the reply: fix it, escalate, or send anyway with a written justification.',
      how4: 'The customer’s post is checked too: a banner beside the reply box says when to escalate.',
      samplesTitle: 'Sample replies',
      samplesHint: 'Each breaks the built-in policy somewhere; the last one is fine.',
      insert: 'Insert',
      postsTitle: 'Other customer posts',
      policyHint: 'The built-in policy names no on-call team. To see who would be called, import the example company policy (<a href="/policies/telecom.json" download>telecom.json</a>) in ReplyGuard’s settings.',
      columnTitle: 'Conversation',
      publish: 'Reply',
      sendHint: 'Nothing is posted anywhere: sent replies only appear on this page. ReplyGuard writes its messages in the language of its settings (default: the browser’s).',
      meta: 'Today, 09:14 · 12 boosts · 31 favourites',
      you: 'just now',
    },
    de: {
      title: 'ReplyGuard-Demo — Funkwelle-Support',
      howTitle: 'Ausprobieren',
      how1: 'Neben einer Beispielantwort auf „Einfügen“ klicken oder selbst eine Antwort ins Feld schreiben.',
      how2: 'Probleme werden schon beim Tippen unterstrichen. Mauszeiger auf die Unterstreichung (oder Alt+Umschalt+R im Feld) zeigt den Grund und eine Korrektur mit einem Klick.',
      how3: '„Antworten“ drücken (oder Strg+Enter). Solange ein blockierendes Problem bleibt, hält ReplyGuard die Antwort an: korrigieren, eskalieren oder mit schriftlicher Begründung trotzdem senden.',
      how4: 'Auch der Beitrag der Kundin wird geprüft: Ein Hinweis neben dem Antwortfeld sagt, wann eskaliert werden muss.',
      samplesTitle: 'Beispielantworten',
      samplesHint: 'Jede verstößt irgendwo gegen die eingebaute Richtlinie; die letzte ist in Ordnung.',
      insert: 'Einfügen',
      postsTitle: 'Andere Kundenbeiträge',
      policyHint: 'Die eingebaute Richtlinie nennt kein Bereitschaftsteam. Wer angerufen würde, zeigt die Beispielrichtlinie eines Unternehmens (<a href="/policies/telecom.json" download>telecom.json</a>), importiert in den Einstellungen von ReplyGuard.',
      columnTitle: 'Unterhaltung',
      publish: 'Antworten',
      sendHint: 'Hier wird nichts veröffentlicht: Gesendete Antworten erscheinen nur auf dieser Seite. ReplyGuard schreibt seine Hinweise in der Sprache seiner Einstellungen (Standard: die des Browsers).',
      meta: 'Heute, 09:14 · 12 Boosts · 31 Favoriten',
      you: 'gerade eben',
    },
  };

  const POSTS = {
    outage: {
      name: 'Jana Weber', handle: '@jana@mastodon.social', avatar: 'J',
      en: '@funkwelle My internet has been down for three days, the third time this month! If it isn’t fixed by Friday, my lawyer will hear about it, and so will the press.',
      de: '@funkwelle Seit drei Tagen kein Internet, zum dritten Mal diesen Monat! Wenn das bis Freitag nicht läuft, schalte ich meinen Anwalt ein und gehe zur Lokalzeitung.',
      label: { en: 'Outage, lawyer, press', de: 'Störung, Anwalt, Presse' },
    },
    breach: {
      name: 'Tom Becker', handle: '@tbecker@mstdn.social', avatar: 'T',
      en: '@funkwelle I just logged into my customer account and I can see someone else’s invoices. Is my data exposed too?',
      de: '@funkwelle Ich habe mich gerade in mein Kundenkonto eingeloggt und sehe die Rechnungen eines anderen Kunden. Sind meine Daten auch offen im Netz?',
      label: { en: 'Someone else’s invoices', de: 'Fremde Rechnungen' },
    },
    question: {
      name: 'Mia Schulz', handle: '@mia@chaos.social', avatar: 'M',
      en: '@funkwelle Is the new fibre tariff available in Hamburg yet?',
      de: '@funkwelle Gibt es den neuen Glasfasertarif schon in Hamburg?',
      label: { en: 'A simple question', de: 'Eine einfache Frage' },
    },
  };

  const SAMPLES = {
    en: [
      'So sorry, this is entirely our fault. We guarantee a full refund by tomorrow. Call me directly at +49 171 2345678.',
      'Honestly, only an id1ot would post that in public!!!!! Read the FAQ.',
      'Please transfer the fee to DE89 3704 0044 0532 0130 00 and we’ll sort it out.',
      'We’re sorry about the outage and are looking into it. Please send us a direct message so we can check your line. ^AS',
    ],
    de: [
      'Das tut uns leid, das war ganz klar unser Verschulden. Wir garantieren Ihnen eine volle Erstattung bis morgen. Rufen Sie mich direkt an: 0171 2345678.',
      'Ehrlich, so einen Quatsch schreibt nur ein Id1ot!!!!! Lesen Sie die FAQ.',
      'Bitte überweisen Sie die Gebühr auf DE89 3704 0044 0532 0130 00, dann ist alles erledigt.',
      'Das tut uns leid, wir prüfen die Störung in Ihrer Region. Schreiben Sie uns bitte eine Direktnachricht, dann sehen wir uns Ihren Anschluss an. ^AS',
    ],
  };

  const q = new URLSearchParams(location.search);
  const lang = q.get('lang') === 'de' || q.get('lang') === 'en' ? q.get('lang')
    : (navigator.language || '').toLowerCase().startsWith('de') ? 'de' : 'en';
  const postId = Object.hasOwn(POSTS, q.get('post') || '') ? q.get('post') : 'outage';
  const t = T[lang];
  const $ = (id) => document.getElementById(id);
  const link = (patch) => { const p = new URLSearchParams(location.search); for (const [k, v] of Object.entries(patch)) p.set(k, v); return `?${p}`; };

  document.documentElement.lang = lang;
  document.title = t.title;
  for (const n of document.querySelectorAll('[data-t]')) {
    const v = t[n.dataset.t];
    if (v === undefined) continue;
    if (/<a /.test(v)) n.innerHTML = v; else n.textContent = v;
  }
  for (const a of document.querySelectorAll('[data-lang]')) {
    a.href = link({ lang: a.dataset.lang });
    if (a.dataset.lang === lang) a.setAttribute('aria-current', 'true');
  }

  // The post being answered.
  const post = POSTS[postId];
  $('post-avatar').textContent = post.avatar;
  $('post-name').textContent = post.name;
  $('post-handle').textContent = post.handle;
  $('post-text').textContent = post[lang];
  $('post-meta').textContent = t.meta;
  for (const [id, p] of Object.entries(POSTS)) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = link({ post: id });
    a.textContent = `${p.name}: ${p.label[lang]}`;
    if (id === postId) a.setAttribute('aria-current', 'true');
    li.append(a);
    $('posts').append(li);
  }

  // The reply box.
  const ta = $('reply');
  ta.placeholder = lang === 'de' ? `Antwort an @${post.handle.split('@')[1]}` : `Reply to @${post.handle.split('@')[1]}`;
  const count = () => { $('counter').textContent = String(500 - [...ta.value].length); };
  ta.addEventListener('input', count);

  function insert(text) {
    ta.focus();
    ta.select();
    // The editor's own input path (undo history, input event), like pasting.
    if (!document.execCommand('insertText', false, text)) {
      ta.value = text;
      ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
    }
  }
  SAMPLES[lang].forEach((text, i) => {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'insert';
    b.dataset.sample = String(i + 1);
    b.textContent = t.insert;
    b.addEventListener('click', () => insert(text));
    const p = document.createElement('p');
    p.textContent = text;
    li.append(p, b);
    $('samples').append(li);
  });

  // "Sending": the reply is added to the thread on this page only.
  window.sent = [];
  function publish() {
    const text = ta.value.trim();
    if (!text) return;
    window.sent.push(text);
    const li = document.createElement('li');
    li.className = 'reply';
    const head = document.createElement('div');
    head.className = 'account';
    head.innerHTML = '<span class="avatar brand-avatar" aria-hidden="true">F</span>';
    const who = document.createElement('span');
    who.innerHTML = '<strong>Funkwelle Support</strong> <span class="handle"></span>';
    who.querySelector('.handle').textContent = `· ${t.you}`;
    head.append(who);
    const body = document.createElement('div');
    body.className = 'text';
    body.textContent = text;
    li.append(head, body);
    $('sent').append(li);
    ta.value = '';
    count();
  }
  $('publish').addEventListener('click', publish);
  // Like Mastodon: Ctrl/Cmd+Enter publishes.
  ta.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); publish(); }
  });
})();
