// YouTube: comment/reply box (#contenteditable-root) with a "Comment"/"Reply" button.
export default {
  id: 'youtube', platform: 'youtube', label: 'YouTube',
  matches: ['https://www.youtube.com/*', 'https://studio.youtube.com/*'],
  hosts: ['youtube.com'],
  composer: '#contenteditable-root[contenteditable]',
  send: '#submit-button button, ytd-button-renderer#submit-button, #submit-button',
  // Replying to a comment: that comment; commenting on a video: its title and description.
  incoming: ['ytd-comment-thread-renderer:has(ytd-commentbox) #content-text', 'ytd-comment-view-model:has(ytd-commentbox) #content-text', 'ytd-watch-metadata h1'],
  enterSends: false, ctrlEnterSends: false,
};
