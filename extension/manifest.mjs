// One manifest source for both browsers. `test` adds http://127.0.0.1/* so the e2e fixture
// pages get the content script; store builds never carry it. Managed settings (admin policy) are
// declared by managed_schema.json (Chrome validates against it; Firefox reads policies.json
// "3rdparty" without a schema); "alarms" schedules the signed-bundle updates.
import { SITES } from './src/content/sites/index.js';

export function makeManifest({ target, version, test }) {
  const hosts = [...new Set(SITES.flatMap((s) => s.matches))];
  if (test) hosts.push('http://127.0.0.1/*');
  const m = {
    manifest_version: 3,
    name: '__MSG_extName__',
    short_name: 'ReplyGuard',
    description: '__MSG_extDescription__',
    version,
    default_locale: 'en',
    icons: { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png', 128: 'icons/128.png' },
    action: { default_popup: 'popup.html', default_title: '__MSG_extName__', default_icon: { 16: 'icons/16.png', 32: 'icons/32.png' } },
    options_ui: { page: 'options.html', open_in_tab: true },
    permissions: ['storage', 'scripting', 'alarms'],
    // Test builds may also POST to the e2e's local HTTPS receivers (delivery); store builds ask
    // for a delivery endpoint's origin through optional_host_permissions (docs/admin/delivery.md).
    host_permissions: test ? [...hosts, 'https://127.0.0.1/*'] : hosts,
    // Other Mastodon instances (and any site the company adds) are asked for at run time.
    optional_host_permissions: ['https://*/*'],
    content_scripts: [{
      matches: hosts,
      js: ['content.js'],
      all_frames: true,
      run_at: 'document_idle',
    }],
    content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'" },
  };
  if (target === 'chrome') {
    m.permissions.push('offscreen');
    m.background = { service_worker: 'background.js', type: 'module' };
    m.content_scripts[0].match_origin_as_fallback = true;
    m.minimum_chrome_version = '116';
    m.storage = { managed_schema: 'managed_schema.json' };
  } else {
    m.background = { scripts: ['background.js'], type: 'module' };
    m.content_scripts[0].match_about_blank = true;
    m.browser_specific_settings = {
      gecko: {
        id: 'replyguard@replyguard.example',
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    };
  }
  return m;
}
