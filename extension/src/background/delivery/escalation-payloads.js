// Request bodies of the escalation targets, from the core's escalation answer. Contracts:
//   slack      incoming webhook: {text, blocks} (text is the notification fallback)
//   teams      Teams "Post to a channel when a webhook request is received" workflow:
//              {type: "message", attachments: [{contentType: adaptive card, content: AdaptiveCard 1.4}]}
//   pagerduty  Events API v2: {routing_key, event_action: "trigger", dedup_key, payload:
//              {summary, source, severity, timestamp, component, group, class, custom_details}, links}
//   webhook    {schema: "replyguard-escalation/1", id, …}
// `msg` is the core's message ({subject, body}) made without the draft, unless the target's
// include_draft (policy) allows the draft; `esc` is the rest of the core's answer.

// Finding severity -> PagerDuty severity (critical | error | warning | info).
export const PD_SEVERITY = { block: 'critical', warn: 'warning', info: 'info' };

const cut = (s, n) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function facts(x) {
  const out = [];
  if (x.routes?.length) out.push(['Route', x.routes.join(', ')]);
  if (x.severity) out.push(['Severity', x.severity]);
  const who = (x.esc.targets || []).map((t) => t.name || t.member).filter(Boolean);
  if (who.length) out.push(['On call', who.join(', ')]);
  if (x.postUrl) out.push(['Post', x.postUrl]);
  if (x.policy) out.push(['Policy', x.policy]);
  return out;
}

/** x: {id, kind, msg, esc, routes, severity, postUrl, site, member, policy, time, draft?, routingKey?} */
export function escalationPayload(x) {
  const subject = String(x.msg?.subject || 'ReplyGuard escalation');
  const body = String(x.msg?.body || '');
  switch (x.kind) {
    case 'slack':
      return {
        text: cut(`${subject}\n${body}`, 3000),
        blocks: [
          { type: 'header', text: { type: 'plain_text', text: cut(subject, 150), emoji: false } },
          { type: 'section', text: { type: 'mrkdwn', text: cut(body || subject, 3000) } },
          { type: 'context', elements: [{ type: 'mrkdwn', text: cut(facts(x).map(([k, v]) => `*${k}:* ${v}`).join('  ·  ') || 'ReplyGuard', 3000) }] },
        ],
      };
    case 'teams':
      return {
        type: 'message',
        attachments: [{
          contentType: 'application/vnd.microsoft.card.adaptive',
          contentUrl: null,
          content: {
            $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
            type: 'AdaptiveCard',
            version: '1.4',
            body: [
              { type: 'TextBlock', text: subject, weight: 'Bolder', size: 'Medium', wrap: true },
              { type: 'TextBlock', text: body || subject, wrap: true },
              { type: 'FactSet', facts: facts(x).map(([title, value]) => ({ title, value })) },
            ],
          },
        }],
      };
    case 'pagerduty': {
      const details = {
        reasons: (x.esc.reasons || []).map((r) => ({ rule: r.rule, category: r.category, severity: r.severity, route: r.route, limit: r.limit })),
        on_call: (x.esc.targets || []).map((t) => t.member),
        respond_by: x.esc.respond_by ? new Date(x.esc.respond_by).toISOString() : undefined,
        responder: x.member || undefined,
        policy: x.policy || undefined,
        message: body,
      };
      if (x.draft !== undefined) details.draft = x.draft;
      const out = {
        routing_key: x.routingKey,
        event_action: 'trigger',
        dedup_key: x.id,
        payload: {
          summary: cut(subject, 1024),
          source: x.site || 'replyguard',
          severity: PD_SEVERITY[x.severity] || 'warning',
          timestamp: new Date(x.time).toISOString(),
          component: 'replyguard',
          group: (x.routes || []).join(',') || undefined,
          class: (x.esc.reasons || [])[0]?.category || undefined,
          custom_details: details,
        },
        client: 'ReplyGuard',
      };
      if (x.postUrl && /^https:\/\//.test(x.postUrl)) out.links = [{ href: x.postUrl, text: 'Post' }];
      return out;
    }
    default: {
      const out = {
        schema: 'replyguard-escalation/1', id: x.id, time: new Date(x.time).toISOString(), severity: x.severity, routes: x.routes,
        reasons: (x.esc.reasons || []).map((r) => ({ rule: r.rule, category: r.category, severity: r.severity, route: r.route })),
        on_call: (x.esc.targets || []).map((t) => ({ member: t.member, name: t.name })),
        message: { subject, body }, post_url: x.postUrl || '', site: x.site || '', member: x.member || '', policy: x.policy || '',
      };
      if (x.draft !== undefined) out.draft = x.draft;
      return out;
    }
  }
}
