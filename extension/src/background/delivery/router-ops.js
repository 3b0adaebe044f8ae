// The escalation panel's delivery operations, for the router: the background keeps each
// escalation answer (with its request) under a random id, so a content script can only ask
// "deliver escalation <id> to target <t>", never hand over a payload or an endpoint.
import { isStr } from '../../shared/messages.js';

const KEEP = 20;

export function escalationHandlers({ delivery, core, policyName }) {
  const kept = new Map(); // id -> {request, result, tabId, site}

  return {
    /** Adds delivery_id to an escalation answer that names delivery targets. */
    remember(request, result, sender) {
      if (!result?.escalate || !Array.isArray(result.deliveries) || !result.deliveries.length) return result;
      const id = crypto.randomUUID();
      let site = '';
      try { site = new URL(sender.tab?.url || '').hostname; } catch { /* not a web page */ }
      kept.set(id, { request, result, tabId: sender.tab?.id, site });
      while (kept.size > KEEP) kept.delete(kept.keys().next().value);
      return { ...result, delivery_id: id };
    },
    async deliver(msg, sender) {
      if (!isStr(msg.id, 100) || !isStr(msg.target, 100)) throw new Error('bad delivery');
      const k = kept.get(msg.id);
      if (!k || k.tabId !== sender.tab?.id) throw new Error('unknown escalation');
      const d = k.result.deliveries.filter((x) => x.target === msg.target);
      if (!d.length) throw new Error('unknown target');
      // The message without the draft (and without excerpts of it), unless this target's policy allows the draft.
      const message = async (withDraft) => {
        if (withDraft) return k.result.message;
        const findings = k.request.findings.map(({ text, ...f }) => f);
        const r = await core('escalate', { request: { ...k.request, findings, draft: '' } });
        return r.message;
      };
      // The same escalation gets the same dedup key at PagerDuty and the same id at a webhook.
      return delivery.escalate({ id: `rg-${msg.id}`, deliveries: d, message, esc: k.result, postUrl: k.request.post_url, site: k.site,
        member: k.request.member, policy: policyName(), draft: k.request.draft });
    },
    status(msg) {
      if (!isStr(msg.job, 200)) throw new Error('bad job');
      return delivery.escalationStatus(msg.job);
    },
  };
}
