// LinkedIn: Quill comment editor with a "Comment"/"Post" button.
export default {
  id: 'linkedin', platform: 'linkedin', label: 'LinkedIn',
  matches: ['https://www.linkedin.com/*'],
  hosts: ['linkedin.com'],
  composer: '.ql-editor[contenteditable="true"]',
  send: 'button.comments-comment-box__submit-button, button.comments-comment-box__submit-button--cr, button.share-actions__primary-action',
  incoming: ['.feed-shared-update-v2__description', '.update-components-text', '.comments-comment-item__main-content'],
  enterSends: false, ctrlEnterSends: false,
};
