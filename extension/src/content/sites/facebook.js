// Facebook: Lexical comment box; Enter sends a comment, Shift+Enter breaks the line.
export default {
  id: 'facebook', platform: 'facebook', label: 'Facebook',
  matches: ['https://www.facebook.com/*', 'https://web.facebook.com/*', 'https://m.facebook.com/*'],
  hosts: ['facebook.com'],
  composer: 'div[contenteditable="true"][role="textbox"]',
  send: '[aria-label="Comment"][role="button"], [aria-label="Kommentieren"][role="button"], #focused-state-composer-submit [role="button"]',
  incoming: ['[role="dialog"] [data-ad-preview="message"]', '[role="article"] [data-ad-preview="message"]', '[role="article"] div[dir="auto"]'],
  enterSends: true, ctrlEnterSends: false,
};
