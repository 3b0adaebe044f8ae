// Mastodon: textarea composer; Ctrl/Cmd+Enter publishes. Instances other than these are
// added by the user at run time (optional host permission).
export default {
  id: 'mastodon', platform: 'mastodon', label: 'Mastodon',
  matches: ['https://mastodon.social/*', 'https://mastodon.online/*', 'https://mstdn.social/*'],
  hosts: ['mastodon.social', 'mastodon.online', 'mstdn.social'],
  // Any instance that runs the Mastodon web app is recognised by its DOM.
  detect: '#mastodon, .compose-form',
  composer: '.compose-form textarea, textarea.autosuggest-textarea__textarea',
  send: '.compose-form__publish button, .compose-form__submit button, .compose-form button[type="submit"]',
  incoming: ['.reply-indicator__content', '.detailed-status .status__content'],
  enterSends: false, ctrlEnterSends: true,
};
