// The durable delivery queue in chrome.storage.local: one key per entry, so adding and removing
// an entry never rewrites the rest. Written before anything is sent; an entry leaves only after
// the receiver accepted the batch holding it (at least once).
//   dq.meta     {head, tail, clean, refused, refusedSince, recent}
//                 head: sequence number of the oldest undelivered entry; tail: the next one
//                 clean: entries below it are removed from storage (between clean and head:
//                 delivered, removal pending; done at the next start)
//                 refused: entries not queued because the queue was full (they stay in the
//                 local audit log), since refusedSince
//                 recent: ids queued lately (the same entry handed over twice is queued once)
//   dq.e.<seq>  {id, queuedAt, entry}
// Every operation runs after the previous one (one chain), so a service-worker event that
// arrives mid-delivery never interleaves its writes.
export const META_KEY = 'dq.meta';
export const entryKey = (seq) => `dq.e.${seq}`;
export const DEFAULT_MAX_ENTRIES = 10_000;
const RECENT = 256;

const emptyMeta = () => ({ head: 0, tail: 0, clean: 0, refused: 0, refusedSince: null, recent: [] });
const range = (from, to) => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

export function createQueue(storage, { maxEntries = DEFAULT_MAX_ENTRIES, now = Date.now } = {}) {
  const max = typeof maxEntries === 'function' ? maxEntries : () => maxEntries; // the admin may change it
  let chain = Promise.resolve();
  let cleaned = false;
  const serial = (fn) => {
    const p = chain.then(fn);
    chain = p.catch(() => {});
    return p;
  };
  const readMeta = async () => ({ ...emptyMeta(), ...((await storage.get(META_KEY))[META_KEY] || {}) });

  // Removes entries delivered before a worker stopped between moving head and removing them.
  async function cleanup(meta) {
    if (cleaned || meta.clean >= meta.head) { cleaned = true; return meta; }
    await storage.remove(range(meta.clean, meta.head).map(entryKey));
    const next = { ...meta, clean: meta.head };
    await storage.set({ [META_KEY]: next });
    cleaned = true;
    return next;
  }

  return {
    get maxEntries() { return max(); },
    /** Queues one record {id, entry}. Resolves {queued, full, duplicate}; rejects when storage fails. */
    enqueue(rec) {
      return serial(async () => {
        const meta = await cleanup(await readMeta());
        if (meta.recent.includes(rec.id)) return { queued: false, full: false, duplicate: true };
        if (meta.tail - meta.head >= max()) {
          await storage.set({ [META_KEY]: { ...meta, refused: meta.refused + 1, refusedSince: meta.refusedSince || now() } });
          return { queued: false, full: true, duplicate: false };
        }
        const stored = { id: rec.id, queuedAt: now(), entry: rec.entry };
        const next = { ...meta, tail: meta.tail + 1, recent: [...meta.recent, rec.id].slice(-RECENT) };
        await storage.set({ [entryKey(meta.tail)]: stored, [META_KEY]: next }); // one write: entry and count together
        return { queued: true, full: next.tail - next.head >= max(), duplicate: false };
      });
    },
    /** The oldest `n` records, oldest first (read only). */
    peek(n) {
      return serial(async () => {
        const meta = await cleanup(await readMeta());
        const seqs = range(meta.head, Math.min(meta.tail, meta.head + n));
        if (!seqs.length) return [];
        const got = await storage.get(seqs.map(entryKey));
        // A missing key (storage cleared by hand) is skipped, never fatal.
        return seqs.filter((s) => got[entryKey(s)]).map((s) => ({ seq: s, ...got[entryKey(s)] }));
      });
    },
    /** Removes the records up to and including sequence number `lastSeq` (a delivered batch). */
    ack(lastSeq) {
      return serial(async () => {
        const meta = await readMeta();
        if (lastSeq < meta.head) return;
        const head = Math.min(meta.tail, lastSeq + 1);
        await storage.set({ [META_KEY]: { ...meta, head } }); // first the count: a stop here leaves garbage, never a resend gap
        await storage.remove(range(meta.head, head).map(entryKey));
        await storage.set({ [META_KEY]: { ...(await readMeta()), clean: head } });
      });
    },
    stats() {
      return serial(async () => {
        const meta = await readMeta();
        const size = meta.tail - meta.head;
        let oldestAt = null;
        if (size) oldestAt = (await storage.get(entryKey(meta.head)))[entryKey(meta.head)]?.queuedAt ?? null;
        return { size, max: max(), full: size >= max(), refused: meta.refused, refusedSince: meta.refusedSince, oldestAt };
      });
    },
  };
}
