// A chrome.storage.local stand-in: values cloned like Chrome's, optional injected failures.
const clone = (v) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));

export function memoryStorage() {
  const data = new Map();
  const s = {
    data, failSet: null, failRemove: null, sets: 0,
    async get(keys) {
      const list = keys == null ? [...data.keys()] : Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(list.filter((k) => data.has(k)).map((k) => [k, clone(data.get(k))]));
    },
    async set(items) {
      s.sets++;
      if (s.failSet?.(items)) throw new Error('injected set failure');
      for (const [k, v] of Object.entries(items)) data.set(k, clone(v));
    },
    async remove(keys) {
      if (s.failRemove?.(keys)) throw new Error('injected remove failure');
      for (const k of [].concat(keys)) data.delete(k);
    },
  };
  return s;
}

/** fetch() over node:https trusting one CA (Node's fetch cannot be given a CA without undici). */
export async function fetchTrusting(ca) {
  const https = await import('node:https');
  return (url, { method = 'GET', headers = {}, body, signal } = {}) => new Promise((resolve, reject) => {
    const req = https.request(url, { method, headers, ca }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { text += c; });
      res.on('end', () => resolve({ ok: res.statusCode >= 200 && res.statusCode < 300, status: res.statusCode,
        headers: { get: (n) => res.headers[n.toLowerCase()] ?? null }, text: async () => text }));
    });
    req.on('error', reject);
    signal?.addEventListener('abort', () => req.destroy(new Error('aborted')));
    req.end(body == null ? undefined : Buffer.from(body));
  });
}
