// Styles of everything ReplyGuard draws, scoped by the closed shadow root.
export const UI_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.layer { position: fixed; inset: 0 auto auto 0; width: 0; height: 0; }
.bar { position: fixed; height: 0; pointer-events: none; border-bottom: 2px solid var(--c); }
.bar.info { border-bottom-style: dotted; }
.bar.active { background: color-mix(in srgb, var(--c) 18%, transparent); border-bottom-width: 3px; }
.block { --c: #d93025; } .warn { --c: #e37400; } .info { --c: #1a73e8; }
.mirror { position: fixed; visibility: hidden; overflow: hidden; white-space: pre-wrap; overflow-wrap: break-word; pointer-events: none; border-color: transparent; }
.mirror.single { white-space: pre; overflow-wrap: normal; }
.panel { --bg: #fff; --fg: #202124; --muted: #5f6368; --line: #dadce0; --accent: #1a73e8; --btn: #f1f3f4;
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg);
  border: 1px solid var(--line); border-radius: 10px; box-shadow: 0 6px 24px rgba(0,0,0,.22); pointer-events: auto; }
@media (prefers-color-scheme: dark) {
  .panel { --bg: #292a2d; --fg: #e8eaed; --muted: #9aa0a6; --line: #5f6368; --accent: #8ab4f8; --btn: #3c4043; }
}
.card { position: fixed; width: 320px; max-width: calc(100vw - 16px); padding: 12px 14px; }
.card.compact { display: flex; flex-direction: column; overflow: auto; padding: 8px 10px; font-size: 13px; }
.card.compact .head { order: -2; margin-bottom: 2px; } .card.compact .row { order: -1; margin: 2px 0 6px; }
.head { display: flex; gap: 8px; align-items: center; margin-bottom: 6px; font-size: 12px; color: var(--muted); }
.sev { font-weight: 600; text-transform: uppercase; font-size: 11px; padding: 1px 6px; border-radius: 999px; color: #fff; background: var(--c); }
.msg { font-weight: 600; margin: 2px 0 4px; }
.quote { color: var(--muted); margin: 0 0 6px; word-break: break-word; }
.quote s { color: var(--c); }
.sugg { margin: 0 0 8px; }
.notice { margin: 8px 0 0; color: #d93025; font-size: 13px; }
.row { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; align-items: center; }
button, .btn { font: inherit; color: var(--fg); background: var(--btn); border: 1px solid var(--line); border-radius: 6px; padding: 5px 10px; cursor: pointer; text-decoration: none; display: inline-block; }
button.primary { background: var(--accent); color: #fff; border-color: var(--accent); }
@media (prefers-color-scheme: dark) { button.primary { color: #202124; } }
button.danger { border-color: #d93025; color: #d93025; }
button:disabled { opacity: .5; cursor: not-allowed; }
button:focus-visible, a:focus-visible, textarea:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
a { color: var(--accent); }
.nav { margin-left: auto; display: flex; gap: 4px; align-items: center; }
.nav button { padding: 1px 7px; }
.backdrop { position: fixed; inset: 0; background: rgba(0,0,0,.35); display: flex; align-items: center; justify-content: center; pointer-events: auto; }
.dialog { width: 480px; max-width: calc(100vw - 24px); max-height: calc(100vh - 24px); overflow: auto; padding: 18px 20px; }
.dialog h2 { font-size: 17px; margin: 0 0 8px; }
.dialog ul { margin: 6px 0 10px; padding-left: 18px; }
.dialog li { margin: 3px 0; }
.dialog textarea { width: 100%; min-height: 70px; font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 6px; }
.hint { font-size: 12px; color: var(--muted); }
.target { border: 1px solid var(--line); border-radius: 8px; padding: 8px 10px; margin: 6px 0; }
.target .name { font-weight: 600; }
.banner { position: fixed; max-width: 520px; padding: 8px 12px; display: flex; gap: 8px; align-items: center; border-left: 4px solid var(--c); }
.banner .text { flex: 1; }
pre.msgbody { white-space: pre-wrap; font: 12px/1.4 ui-monospace, monospace; background: var(--btn); padding: 8px; border-radius: 6px; max-height: 180px; overflow: auto; }
`;
