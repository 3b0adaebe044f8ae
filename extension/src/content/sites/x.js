// X (Twitter): Draft.js composer; "Reply"/"Post" button; Ctrl/Cmd+Enter posts.
export default {
  id: 'x', platform: 'x', label: 'X',
  matches: ['https://x.com/*', 'https://twitter.com/*', 'https://mobile.x.com/*'],
  hosts: ['x.com', 'twitter.com'],
  composer: '[data-testid^="tweetTextarea_"][contenteditable="true"], [data-testid^="tweetTextarea_"] [contenteditable="true"]',
  send: 'button[data-testid="tweetButton"], button[data-testid="tweetButtonInline"]',
  // The post being answered: the tweet shown above the reply box (modal or thread).
  incoming: ['[aria-modal="true"] article [data-testid="tweetText"]', 'article[data-testid="tweet"] [data-testid="tweetText"]'],
  enterSends: false, ctrlEnterSends: true,
};
