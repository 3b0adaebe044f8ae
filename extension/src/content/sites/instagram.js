// Instagram: comment textarea (older) or contenteditable textbox; Enter posts the comment.
export default {
  id: 'instagram', platform: 'instagram', label: 'Instagram',
  matches: ['https://www.instagram.com/*'],
  hosts: ['instagram.com'],
  composer: 'form textarea, form div[contenteditable="true"][role="textbox"]',
  send: 'form button[type="submit"], form div[role="button"][tabindex="0"]',
  incoming: ['article h1', '[role="dialog"] h1', 'article ul li h1'],
  enterSends: true, ctrlEnterSends: false,
};
