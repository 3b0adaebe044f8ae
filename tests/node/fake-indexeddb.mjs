// A small stand-in for IndexedDB (open, createObjectStore, transaction, put/delete/getAll), enough
// for extension/src/background/audit-journal.js; it outlives module instances the way IndexedDB
// outlives a browser restart. `fail` makes every transaction abort (a broken profile).
export function fakeIndexedDB() {
  const dbs = new Map();  // name → Map(store → {keyPath, data: Map})
  const later = (fn) => setTimeout(fn, 0);
  const factory = {
    dbs,
    fail: null,
    open(name) {
      const req = {};
      later(() => {
        let stores = dbs.get(name);
        const fresh = !stores;
        if (fresh) dbs.set(name, (stores = new Map()));
        req.result = {
          createObjectStore: (s, { keyPath }) => stores.set(s, { keyPath, data: new Map() }),
          transaction: (s) => transaction(stores.get(s)),
        };
        if (fresh) req.onupgradeneeded?.();
        req.onsuccess?.();
      });
      return req;
    },
  };
  function transaction(store) {
    const ops = [];
    const os = {
      put: (v) => void ops.push(() => store.data.set(v[store.keyPath], structuredClone(v))),
      delete: (k) => void ops.push(() => store.data.delete(k)),
      getAll: () => {
        const r = {};
        ops.push(() => { r.result = [...store.data.values()].map((v) => structuredClone(v)); });
        return r;
      },
    };
    const t = { objectStore: () => os };
    later(() => {
      if (factory.fail) { t.error = new Error(factory.fail); t.onabort?.(); return; }
      for (const op of ops) op();
      t.oncomplete?.();
    });
    return t;
  }
  return factory;
}
