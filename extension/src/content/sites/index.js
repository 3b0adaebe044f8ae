// Site adapters are data: where the composer, the send button and the post being answered
// are on each platform. Nothing here knows what a finding means.
import x from './x.js';
import facebook from './facebook.js';
import linkedin from './linkedin.js';
import instagram from './instagram.js';
import youtube from './youtube.js';
import reddit from './reddit.js';
import mastodon from './mastodon.js';

export const SITES = [x, facebook, linkedin, instagram, youtube, reddit, mastodon];

// Any other page the user enabled: every eligible field, send = its form's submit button.
export const GENERIC = {
  id: 'generic', platform: '', label: 'Other', matches: [], hosts: [],
  composer: null, send: 'button[type="submit"], input[type="submit"]', incoming: [],
  enterSends: false, ctrlEnterSends: false,
};

const hostMatches = (host, h) => host === h || host.endsWith(`.${h}`);

/** The adapter for a page. In test builds, fixture pages on 127.0.0.1 pick one by path: /sites/<id>/. */
export function siteFor(loc, doc) {
  if (__TEST__ && loc.hostname === '127.0.0.1') {
    const m = /^\/sites\/([a-z]+)\//.exec(loc.pathname);
    return SITES.find((s) => m && s.id === m[1]) || GENERIC;
  }
  const byHost = SITES.find((s) => s.hosts.some((h) => hostMatches(loc.hostname, h)));
  if (byHost) return byHost;
  const byDom = doc && SITES.find((s) => s.detect && doc.querySelector(s.detect));
  return byDom || GENERIC;
}
