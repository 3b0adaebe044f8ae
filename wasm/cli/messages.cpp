#include "messages.h"

#include <cstdlib>
#include <map>

namespace rg::cli {

namespace {

Lang g_lang = Lang::En;

struct Text {
  const char* en;
  const char* de;
};

// clang-format off
const std::map<std::string_view, Text> kMessages = {
  // usage
  {"usage.missing_option", {"missing option {0}", "Option {0} fehlt"}},
  {"usage.missing_value", {"option {0} needs a value", "Option {0} braucht einen Wert"}},
  {"usage.flag_value", {"option {0} takes no value", "Option {0} hat keinen Wert"}},
  {"usage.unknown_option", {"unknown option {0}", "unbekannte Option {0}"}},
  {"usage.unknown_command", {"unknown command '{0}'", "unbekannter Befehl '{0}'"}},
  {"usage.too_few", {"missing argument", "Argument fehlt"}},
  {"usage.unexpected", {"unexpected argument '{0}'", "unerwartetes Argument '{0}'"}},
  {"usage.bad_integer", {"{0}: '{1}' is not a whole number from {2} to {3}", "{0}: '{1}' ist keine ganze Zahl von {2} bis {3}"}},
  {"usage.bad_number", {"{0}: '{1}' is not a number from 0 to 1", "{0}: '{1}' ist keine Zahl von 0 bis 1"}},
  {"usage.bad_time", {"{0}: '{1}' is not an ISO time with offset (e.g. 2026-03-01T09:00:00Z)", "{0}: '{1}' ist keine ISO-Zeit mit Zeitzone (z. B. 2026-03-01T09:00:00Z)"}},
  {"usage.bad_lang", {"--lang must be 'de' or 'en', not '{0}'", "--lang muss 'de' oder 'en' sein, nicht '{0}'"}},
  {"usage.see_help", {"Run 'replyguard --help' for usage.\n", "Hilfe: 'replyguard --help'.\n"}},
  // files
  {"io.cannot_read", {"cannot read {0}: {1}", "{0} kann nicht gelesen werden: {1}"}},
  {"io.cannot_write", {"cannot write {0}: {1}", "{0} kann nicht geschrieben werden: {1}"}},
  {"io.bad_json", {"{0} is not valid JSON: {1}", "{0} ist kein gültiges JSON: {1}"}},
  {"io.too_large", {"{0} is larger than {1} bytes", "{0} ist größer als {1} Bytes"}},
  {"io.bad_utf8", {"{0} is not valid UTF-8", "{0} ist kein gültiges UTF-8"}},
  // bundles
  {"bundle.default_label", {"built-in default bundle", "eingebautes Standard-Bundle"}},
  {"bundle.invalid", {"{0}: invalid bundle ({1} errors)", "{0}: ungültiges Bundle ({1} Fehler)"}},
  {"bundle.is_signed", {"{0} is a signed envelope; unpack it with 'replyguard verify {0} --pub KEY --out bundle.json'", "{0} ist ein signierter Umschlag; entpacken mit 'replyguard verify {0} --pub KEY --out bundle.json'"}},
  {"lint.ok", {"OK: {0} version {1}, {2} rules\n", "OK: {0} Version {1}, {2} Regeln\n"}},
  {"lint.warning", {"warning: {0}: {1}\n", "Warnung: {0}: {1}\n"}},
  {"test.failure", {"FAIL {0}: \"{1}\": {2}\n", "FEHLER {0}: \"{1}\": {2}\n"}},
  {"test.summary", {"{0} examples passed, {1} failed\n", "{0} Beispiele bestanden, {1} fehlgeschlagen\n"}},
  // keys and signing
  {"keygen.exists", {"{0} exists; refusing to overwrite a key (use --force)", "{0} existiert; ein Schlüssel wird nicht überschrieben (--force erzwingt es)"}},
  {"keygen.done", {"wrote {0} (private, keep secret) and {1}; key id {2}\n", "{0} (privat, geheim halten) und {1} geschrieben; Schlüssel-ID {2}\n"}},
  {"keys.bad_entry", {"{0}: expected {\"key_id\": …, \"key\": \"<base64>\"}", "{0}: erwartet {\"key_id\": …, \"key\": \"<base64>\"}"}},
  {"keys.bad_key", {"{0}: key is not a base64 raw 32-byte Ed25519 public key", "{0}: key ist kein base64-kodierter 32-Byte-Ed25519-Schlüssel"}},
  {"keys.id_mismatch", {"{0}: key_id does not belong to this key (its id is {1})", "{0}: key_id gehört nicht zu diesem Schlüssel (seine ID ist {1})"}},
  {"keys.none", {"{0}: no public keys", "{0}: keine öffentlichen Schlüssel"}},
  {"sign.no_id_version", {"the bundle needs a string \"id\" and an integer \"version\"", "das Bundle braucht eine Zeichenkette \"id\" und eine ganze Zahl \"version\""}},
  {"sign.inlined", {"inlined {0} model file(s) into the bundle (\"data\", base64): the signed bundle carries them\n", "{0} Modelldatei(en) ins Bundle übernommen (\"data\", base64): das signierte Bundle enthält sie\n"}},
  {"sign.done", {"wrote {0}: {1} version {2}, key {3}, expires {4}\n", "{0} geschrieben: {1} Version {2}, Schlüssel {3}, gültig bis {4}\n"}},
  {"verify.not_json", {"not a signed bundle: the file is not a JSON object", "kein signiertes Bundle: die Datei ist kein JSON-Objekt"}},
  {"verify.bad_format", {"not a signed bundle: \"format\" must be \"{0}\"", "kein signiertes Bundle: \"format\" muss \"{0}\" sein"}},
  {"verify.missing_field", {"invalid signed bundle: \"{0}\" missing or not a string", "ungültiges signiertes Bundle: \"{0}\" fehlt oder ist keine Zeichenkette"}},
  {"verify.bad_base64", {"invalid signed bundle: \"{0}\" is not valid base64", "ungültiges signiertes Bundle: \"{0}\" ist kein gültiges base64"}},
  {"verify.unknown_key", {"unknown key: signed with key {0}, which is not among the trusted keys", "unbekannter Schlüssel: signiert mit {0}, der nicht zu den vertrauenswürdigen Schlüsseln gehört"}},
  {"verify.bad_signature", {"bad signature: the header or bundle was altered, or not signed by key {0}", "ungültige Signatur: Kopf oder Bundle wurden verändert oder nicht mit Schlüssel {0} signiert"}},
  {"verify.bad_header", {"invalid signed header: field \"{0}\"", "ungültiger signierter Kopf: Feld \"{0}\""}},
  {"verify.key_id_mismatch", {"bad signature: the signed header names another key", "ungültige Signatur: der signierte Kopf nennt einen anderen Schlüssel"}},
  {"verify.digest_mismatch", {"bad signature: the bundle does not match the signed sha256", "ungültige Signatur: das Bundle passt nicht zum signierten sha256"}},
  {"verify.too_large", {"invalid signed bundle: \"{0}\" is larger than {1} bytes", "ungültiges signiertes Bundle: \"{0}\" ist größer als {1} Bytes"}},
  {"verify.strict_json", {"not a signed bundle: the file holds a NUL byte or starts with a byte-order mark", "kein signiertes Bundle: die Datei enthält ein NUL-Byte oder beginnt mit einer Byte-Order-Mark"}},
  {"keys.weak_key", {"{0}: the key is not usable (a small-order or non-canonical Ed25519 point)", "{0}: der Schlüssel ist unbrauchbar (ein Ed25519-Punkt kleiner Ordnung oder nicht kanonisch)"}},
  {"verify.id_version_mismatch", {"invalid signed bundle: header bundle_id/version differ from the bundle's id/version", "ungültiges signiertes Bundle: bundle_id/version im Kopf weichen von id/version des Bundles ab"}},
  {"verify.expired", {"expired: the signature was valid until {0}", "abgelaufen: die Signatur war gültig bis {0}"}},
  {"verify.not_yet_valid", {"not yet valid: issued {0}, which is in the future", "noch nicht gültig: ausgestellt {0}, also in der Zukunft"}},
  {"verify.rollback", {"rollback: version {0} is lower than the minimum {1}", "Rückschritt: Version {0} ist niedriger als das Minimum {1}"}},
  {"verify.ok", {"OK: {0} version {1}, key {2}, issued {3}, expires {4} ({5} days left)\n", "OK: {0} Version {1}, Schlüssel {2}, ausgestellt {3}, gültig bis {4} (noch {5} Tage)\n"}},
  // check
  {"check.reply_label", {"reply text", "Antworttext"}},
  {"check.incoming_tag", {"incoming ", "eingehend "}},
  {"check.suggestion", {"suggestion: {0}\n", "Vorschlag: {0}\n"}},
  {"check.replacements", {"replace with: {0}\n", "ersetzen durch: {0}\n"}},
  {"check.warning", {"warning: {0}\n", "Warnung: {0}\n"}},
  {"check.summary", {"{0} findings\n", "{0} Befunde\n"}},
  {"check.summary_one", {"1 finding\n", "1 Befund\n"}},
  // eval
  {"eval.bad_line", {"{0}: missing or invalid \"{1}\"", "{0}: \"{1}\" fehlt oder ist ungültig"}},
  {"eval.empty", {"{0}: no examples", "{0}: keine Beispiele"}},
  {"eval.undeclared", {"note: category '{0}' is labelled in the corpus but not declared in the bundle\n", "Hinweis: Kategorie '{0}' ist im Korpus markiert, aber im Bundle nicht deklariert\n"}},
  {"eval.col_category", {"category", "Kategorie"}},
  {"eval.source_reply", {"replies (precision/recall)  ", "Antworten (Präzision/Trefferquote)"}},
  {"eval.source_incoming", {"incoming (precision/recall) ", "Eingang (Präzision/Trefferquote)  "}},
  {"eval.mode_rules", {"rules", "Regeln"}},
  {"eval.mode_model", {"model", "Modell"}},
  {"eval.mode_combined", {"combined", "zusammen"}},
  {"eval.col_precision", {"precision", "Präzision"}},
  {"eval.col_recall", {"recall", "Trefferquote"}},
  {"eval.micro", {"micro average", "Mikro-Mittel"}},
  {"eval.macro", {"macro average", "Makro-Mittel"}},
  {"eval.examples", {"{0} examples\n", "{0} Beispiele\n"}},
  {"eval.error_line", {"  {0}: false positives {1}, missed {2}\n", "  {0}: Fehlalarme {1}, verpasst {2}\n"}},
  {"eval.precision_missed", {"precision {0} is below the required {1}\n", "Präzision {0} liegt unter den geforderten {1}\n"}},
  {"eval.recall_missed", {"recall {0} is below the required {1}\n", "Trefferquote {0} liegt unter den geforderten {1}\n"}},
  // team
  {"gaps.empty_range", {"--to must be after --from", "--to muss nach --from liegen"}},
  {"team.usage", {"usage: replyguard team import-ics FILE.ics... --schedule ID --bundle BUNDLE [--from ISO] [--to ISO] [--out FILE]", "Aufruf: replyguard team import-ics DATEI.ics... --schedule ID --bundle BUNDLE [--from ISO] [--to ISO] [--out DATEI]"}},
  {"ics.unparsable", {"{0}: not an iCalendar file (libical could not parse it)", "{0}: keine iCalendar-Datei (libical konnte sie nicht lesen)"}},
  {"ics.no_calendar", {"{0}: no VCALENDAR in the file", "{0}: kein VCALENDAR in der Datei"}},
  {"ics.no_start", {"{0}: event {1} has no DTSTART", "{0}: Termin {1} hat kein DTSTART"}},
  {"ics.bad_zone", {"unknown time zone \"{0}\" in the team", "unbekannte Zeitzone \"{0}\" im Team"}},
  {"ics.no_team", {"the --bundle file has no team section (timezone, members)", "die --bundle-Datei hat keinen Team-Abschnitt (timezone, members)"}},
  {"ics.unknown_schedule", {"unknown schedule \"{0}\" (team.schedules)", "unbekannter Plan \"{0}\" (team.schedules)"}},
  {"ics.no_member", {"{0}: no team member matches (attendee/organizer e-mail, or id/name in the summary)", "{0}: kein Teammitglied passt (E-Mail von Teilnehmer/Organisator oder ID/Name im Titel)"}},
  {"ics.many_members", {"{0}: a shift names several members; only one can be on call", "{0}: eine Schicht nennt mehrere Mitglieder; nur eines kann Bereitschaft haben"}},
  {"ics.empty", {"{0}: ends before it starts", "{0}: endet vor dem Beginn"}},
  {"ics.overlap", {"shifts overlap: {0} ({1}) and {2} ({3}) at {4}; fix the calendar", "Schichten überschneiden sich: {0} ({1}) und {2} ({3}) um {4}; bitte den Kalender korrigieren"}},
  {"ics.result_invalid", {"the imported team is not valid (errors above)", "das importierte Team ist ungültig (Fehler oben)"}},
  {"ics.skipped", {"skipped: {0}\n", "übersprungen: {0}\n"}},
  {"ics.summary", {"imported {0} shifts (overrides) and {1} absences; {2} overlapping absences merged, {3} shifts cut around absences, {4} events skipped\n", "importiert: {0} Schichten (overrides) und {1} Abwesenheiten; {2} überlappende Abwesenheiten zusammengelegt, {3} Schichten um Abwesenheiten gekürzt, {4} Termine übersprungen\n"}},
  {"team.oncall_header", {"schedule {0} at {1}:\n", "Plan {0} um {1}:\n"}},
  {"team.oncall_person", {"on call: {0} (via {1})\n", "Bereitschaft: {0} (über {1})\n"}},
  {"team.substitute_for", {"substituting for {0} ({1})\n", "vertritt {0} ({1})\n"}},
  {"team.nobody", {"nobody on call ({0})\n", "niemand in Bereitschaft ({0})\n"}},
  {"team.absent", {"absent: {0}\n", "abwesend: {0}\n"}},
  {"team.absent_inline", {"absent: {0}", "abwesend: {0}"}},
  {"team.until", {"until {0}", "bis {0}"}},
  {"team.until_line", {"until: {0}\n", "bis: {0}\n"}},
  {"team.backup", {"backup: {0}\n", "Ersatz: {0}\n"}},
  {"team.gaps_header", {"gaps in schedule {0} from {1} to {2}:\n", "Lücken im Plan {0} von {1} bis {2}:\n"}},
  {"team.gaps_summary", {"{0} gaps\n", "{0} Lücken\n"}},
  {"team.gaps_summary_one", {"1 gap\n", "1 Lücke\n"}},
  // help
  {"help.main", {
R"(replyguard: admin tool for ReplyGuard policy bundles

  replyguard lint BUNDLE                       validate a bundle (errors as POINTER: message)
  replyguard test BUNDLE                       run every rule's examples
  replyguard check [--bundle B] [--platform P] [--incoming TEXT] [--json] TEXT|-
  replyguard eval BUNDLE CORPUS.jsonl [--min-precision P] [--min-recall R] [--show-errors]
  replyguard train CORPUS.jsonl --out MODEL.ftz [--valid F] [--report F] [--size-limit BYTES]
  replyguard keygen --out PREFIX [--force]     PREFIX.key (private) + PREFIX.pub
  replyguard sign BUNDLE --key K --expires DAYS --out FILE [--now ISO]
  replyguard verify SIGNED --pub P [--min-version N] [--now ISO] [--out BUNDLE] [--json]
  replyguard oncall BUNDLE SCHEDULE [--at ISO]
  replyguard gaps BUNDLE SCHEDULE --from ISO --to ISO
  replyguard team import-ics FILE.ics... --schedule ID --bundle BUNDLE [--from ISO] [--to ISO] [--out FILE]

Global: --lang de|en (default from LANG). --json on lint/test/check/eval/verify/oncall/gaps.
Exit codes: 0 ok, 1 findings/failures/gaps/thresholds missed, 2 usage, 3 invalid input,
4 bad signature, 5 unknown key, 6 expired, 7 not yet valid, 8 rollback.
)",
R"(replyguard: Verwaltungswerkzeug für ReplyGuard-Richtlinien-Bundles

  replyguard lint BUNDLE                       Bundle prüfen (Fehler als ZEIGER: Meldung)
  replyguard test BUNDLE                       Beispiele aller Regeln ausführen
  replyguard check [--bundle B] [--platform P] [--incoming TEXT] [--json] TEXT|-
  replyguard eval BUNDLE KORPUS.jsonl [--min-precision P] [--min-recall R] [--show-errors]
  replyguard train KORPUS.jsonl --out MODELL.ftz [--valid D] [--report D] [--size-limit BYTES]
  replyguard keygen --out PRÄFIX [--force]     PRÄFIX.key (privat) + PRÄFIX.pub
  replyguard sign BUNDLE --key K --expires TAGE --out DATEI [--now ISO]
  replyguard verify SIGNIERT --pub P [--min-version N] [--now ISO] [--out BUNDLE] [--json]
  replyguard oncall BUNDLE PLAN [--at ISO]
  replyguard gaps BUNDLE PLAN --from ISO --to ISO
  replyguard team import-ics DATEI.ics... --schedule ID --bundle BUNDLE [--from ISO] [--to ISO] [--out DATEI]

Global: --lang de|en (Standard aus LANG). --json bei lint/test/check/eval/verify/oncall/gaps.
Exit-Codes: 0 ok, 1 Befunde/Fehler/Lücken/Schwellen verfehlt, 2 Aufruf, 3 ungültige Eingabe,
4 ungültige Signatur, 5 unbekannter Schlüssel, 6 abgelaufen, 7 noch nicht gültig, 8 Rückschritt.
)"}},
  {"help.lint", {"replyguard lint BUNDLE [--json]\nValidates a bundle; exit 3 when invalid.\n", "replyguard lint BUNDLE [--json]\nPrüft ein Bundle; Exit 3, wenn ungültig.\n"}},
  {"help.test", {"replyguard test BUNDLE [--json]\nRuns every rule's flag/pass examples; exit 1 on failures.\n", "replyguard test BUNDLE [--json]\nFührt die flag/pass-Beispiele aller Regeln aus; Exit 1 bei Fehlern.\n"}},
  {"help.keygen", {"replyguard keygen --out PREFIX [--force]\nWrites PREFIX.key (Ed25519 PEM, mode 0600) and PREFIX.pub ({\"key_id\",\"key\"}).\n", "replyguard keygen --out PRÄFIX [--force]\nSchreibt PRÄFIX.key (Ed25519-PEM, Modus 0600) und PRÄFIX.pub ({\"key_id\",\"key\"}).\n"}},
  {"help.sign", {"replyguard sign BUNDLE --key K --expires DAYS --out FILE [--now ISO]\nLints the bundle and writes a signed envelope valid for DAYS (1-3650).\n", "replyguard sign BUNDLE --key K --expires TAGE --out DATEI [--now ISO]\nPrüft das Bundle und schreibt einen signierten Umschlag, gültig für TAGE (1-3650).\n"}},
  {"help.verify", {"replyguard verify SIGNED --pub P [--pub P2] [--min-version N] [--now ISO] [--out BUNDLE] [--json]\nExit 4 bad signature, 5 unknown key, 6 expired, 7 not yet valid, 8 rollback, 3 invalid.\n", "replyguard verify SIGNIERT --pub P [--pub P2] [--min-version N] [--now ISO] [--out BUNDLE] [--json]\nExit 4 ungültige Signatur, 5 unbekannter Schlüssel, 6 abgelaufen, 7 noch nicht gültig, 8 Rückschritt, 3 ungültig.\n"}},
  {"help.check", {"replyguard check [--bundle B] [--platform P] [--incoming TEXT] [--json] TEXT|-\nChecks a reply (\"-\" reads stdin); exit 1 when there are findings.\n", "replyguard check [--bundle B] [--platform P] [--incoming TEXT] [--json] TEXT|-\nPrüft eine Antwort (\"-\" liest stdin); Exit 1 bei Befunden.\n"}},
  {"help.train", {"replyguard train CORPUS.jsonl --out MODEL.ftz [--valid FILE] [--report FILE] [--size-limit BYTES] [--threshold P] [--json [--scores]]\n  [--epoch N] [--lr X] [--dim N] [--word-ngrams N] [--minn N] [--maxn N] [--bucket N] [--seed N] [--autotune-seconds N] [--cutoff N] [--dsub N]\nTrains the classifier model (fastText, one-vs-all, char n-grams, one thread, fixed seed) on a labelled corpus, quantizes it\nwithin --size-limit (default 1000000 bytes). --valid autotunes against FILE; --valid/--report print precision/recall per category;\n--scores adds each example's per-label scores to the JSON.\n", "replyguard train KORPUS.jsonl --out MODELL.ftz [--valid DATEI] [--report DATEI] [--size-limit BYTES] [--threshold P] [--json [--scores]]\n  [--epoch N] [--lr X] [--dim N] [--word-ngrams N] [--minn N] [--maxn N] [--bucket N] [--seed N] [--autotune-seconds N] [--cutoff N] [--dsub N]\nTrainiert das Klassifikator-Modell (fastText, one-vs-all, Zeichen-N-Gramme, ein Thread, fester Seed) auf einem markierten Korpus und\nquantisiert es innerhalb --size-limit (Standard 1000000 Bytes). --valid stimmt gegen DATEI ab; --valid/--report zeigen Präzision/Trefferquote je Kategorie;\n--scores ergänzt das JSON um die Werte jedes Beispiels je Label.\n"}},
  {"help.eval", {"replyguard eval BUNDLE CORPUS.jsonl [--min-precision P] [--min-recall R] [--show-errors] [--json]\nPrecision/recall per category; exit 1 when a micro average is below its threshold.\n", "replyguard eval BUNDLE KORPUS.jsonl [--min-precision P] [--min-recall R] [--show-errors] [--json]\nPräzision/Trefferquote je Kategorie; Exit 1, wenn ein Mikro-Mittel unter der Schwelle liegt.\n"}},
  {"help.oncall", {"replyguard oncall BUNDLE SCHEDULE [--at ISO] [--json]\nWho is on call at the given time (default now).\n", "replyguard oncall BUNDLE PLAN [--at ISO] [--json]\nWer zur angegebenen Zeit (Standard: jetzt) Bereitschaft hat.\n"}},
  {"help.team", {"replyguard team import-ics FILE.ics... --schedule ID --bundle BUNDLE [--from ISO] [--to ISO] [--out FILE]\nShifts and absences from iCalendar files into the team section (overrides of the schedule, absences); the output has the input's shape (bundle or team). Default window: now to 90 days ahead.\n", "replyguard team import-ics DATEI.ics... --schedule ID --bundle BUNDLE [--from ISO] [--to ISO] [--out DATEI]\nSchichten und Abwesenheiten aus iCalendar-Dateien in den Team-Abschnitt (overrides des Plans, absences); die Ausgabe hat die Form der Eingabe (Bundle oder Team). Standardzeitraum: jetzt bis 90 Tage voraus.\n"}},
  {"help.gaps", {"replyguard gaps BUNDLE SCHEDULE --from ISO --to ISO [--json]\nPeriods without anyone on call; exit 1 when there are gaps.\n", "replyguard gaps BUNDLE PLAN --from ISO --to ISO [--json]\nZeiten ohne Bereitschaft; Exit 1, wenn es Lücken gibt.\n"}},
};
// clang-format on

}  // namespace

void setLanguage(Lang lang) { g_lang = lang; }
Lang language() { return g_lang; }
std::string languageCode() { return g_lang == Lang::De ? "de" : "en"; }

Lang languageFromEnvironment() {
  // POSIX precedence: LC_ALL overrides LC_MESSAGES overrides LANG.
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(name);
    if (v && *v) return std::string_view(v).substr(0, 2) == "de" ? Lang::De : Lang::En;
  }
  return Lang::En;
}

std::string tr(std::string_view key, std::initializer_list<std::string> args) {
  auto it = kMessages.find(key);
  std::string text = it == kMessages.end() ? std::string(key)
                                            : (g_lang == Lang::De ? it->second.de : it->second.en);
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{' && i + 2 < text.size() && text[i + 2] == '}' && text[i + 1] >= '0' &&
        text[i + 1] <= '9') {
      size_t n = static_cast<size_t>(text[i + 1] - '0');
      if (n < args.size()) {
        out += *(args.begin() + n);
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

}  // namespace rg::cli
