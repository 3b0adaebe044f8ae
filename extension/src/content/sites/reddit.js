// Reddit: shreddit composer (Lexical inside shadow DOM) or old-Reddit textarea.
export default {
  id: 'reddit', platform: 'reddit', label: 'Reddit',
  matches: ['https://www.reddit.com/*', 'https://old.reddit.com/*', 'https://new.reddit.com/*'],
  hosts: ['reddit.com'],
  composer: 'div[contenteditable="true"][role="textbox"], .usertext-edit textarea, textarea[name="text"]',
  send: 'button[slot="submit-button"], shreddit-composer button[type="submit"], .usertext-buttons button.save, button[type="submit"]',
  incoming: ['shreddit-comment:has(shreddit-composer) > [slot="comment"]', 'shreddit-post [slot="text-body"]', '.thing.comment .usertext-body .md', '.thing.link .usertext-body .md'],
  enterSends: false, ctrlEnterSends: true,
};
