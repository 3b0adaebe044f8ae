// The audit log's write-ahead journal: entries that chrome.storage.local could not take (full,
// failing) are kept here until they are in the log. IndexedDB, because it survives a browser
// restart (chrome.storage.session does not) and has its own quota. Keyed by entry id, so writing
// an entry twice (a retried message) keeps one.
const DB = 'replyguard-audit';
const STORE = 'pending';

/** idb: an IDBFactory (globalThis.indexedDB); tests pass a stand-in with the same four methods. */
export function createJournal(idb = globalThis.indexedDB) {
  let dbPromise = null;
  const open = () => (dbPromise ||= new Promise((resolve, reject) => {
    if (!idb) { reject(new Error('IndexedDB is not available')); return; }
    const req = idb.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'id' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  }).catch((e) => { dbPromise = null; throw e; }));

  async function tx(mode, fn) {
    const db = await open();
    return new Promise((resolve, reject) => {
      const t = db.transaction(STORE, mode);
      const result = fn(t.objectStore(STORE));
      t.oncomplete = () => resolve(result?.result);
      t.onerror = () => reject(t.error);
      t.onabort = () => reject(t.error || new Error('aborted'));
    });
  }

  return {
    /** Durable once it resolves (the transaction committed). */
    put: (entries) => tx('readwrite', (s) => { for (const e of [].concat(entries)) s.put(e); }),
    all: () => tx('readonly', (s) => s.getAll()).then((v) => v || []),
    remove: (ids) => tx('readwrite', (s) => { for (const id of ids) s.delete(id); }),
  };
}

/** A journal in memory (tests; and where IndexedDB is missing, so callers need no special case). */
export function memoryJournal() {
  const map = new Map();
  return {
    map,
    fail: null,
    async put(entries) { if (this.fail) throw new Error(this.fail); for (const e of [].concat(entries)) map.set(e.id, structuredClone(e)); },
    async all() { return [...map.values()].map((e) => structuredClone(e)); },
    async remove(ids) { for (const id of ids) map.delete(id); },
  };
}
