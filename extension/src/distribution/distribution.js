// One object for the background script: reads settings, runs an update round, and answers the
// policy in force. Browser APIs are passed in, so this stays testable in Node.
//
//   const dist = createDistribution({ managedArea: chrome.storage.managed,
//     storage: storageAdapter(chrome.storage.local), readUserSettings, readImported,
//     fetch: (u, i) => fetch(u, i), clock: Date, defaultBundle, validate });
//   const { policy, update } = await dist.update();          // at start-up and on the alarm
//   core.loadPolicy(policy.bundleText);                        // policy.origin says where it came from
//   chrome.alarms.create('replyguard-update', { when: update.nextAttemptAt });
import { importTrustedKeys } from './verify.js';
import { createPolicyStore } from './store.js';
import { createUpdater } from './updater.js';
import { readManagedStorage, resolvePolicy, resolveSettings, scopeOf } from './sources.js';

export function createDistribution({ managedArea, storage, readUserSettings = async () => ({}), readImported = async () => null,
                                     fetch, clock, defaultBundle, validate, subtle, random, updaterOptions }) {
  const store = createPolicyStore({ storage, clock, defaultBundle, validate, subtle });
  const updater = createUpdater({ fetch, store, storage, clock, random, options: updaterOptions });

  async function context() {
    const settings = resolveSettings({ managed: await readManagedStorage(managedArea), user: (await readUserSettings()) ?? {} });
    const trusted = await importTrustedKeys(settings.publicKeys.value, { subtle });
    return { settings, trusted };
  }

  async function policyFor({ settings, trusted }) {
    return resolvePolicy({ settings, store, trusted, imported: await readImported(), defaultBundle,
                           now: clock.now(), validate, subtle });
  }

  return {
    store,
    updater,
    /** Settings with origins, plus key errors (a mistyped key_id in the admin's policy). */
    async settings() {
      const { settings, trusted } = await context();
      return { ...settings, keyErrors: trusted.errors };
    },
    /** The policy in force now, without touching the network. */
    async policy() {
      return policyFor(await context());
    },
    /**
     * An update round (skipped when not due unless force), then the policy in force.
     * Returns { policy, update, settings }.
     */
    async update({ force = false } = {}) {
      const ctx = await context();
      const update = await updater.tick({ urls: ctx.settings.bundleUrls.value, trusted: ctx.trusted,
                                          intervalMinutes: ctx.settings.updateIntervalMinutes.value,
                                          pin: ctx.settings.bundleId.value, scope: scopeOf(ctx.settings) }, { force });
      return { policy: await policyFor(ctx), update, settings: { ...ctx.settings, keyErrors: ctx.trusted.errors } };
    },
  };
}
