// parseTeam: validates bundle["team"] completely (every problem with its JSON pointer) and
// compiles it into a Team. Rules of the format: policies/README.md "Team and escalation".
#include <algorithm>
#include <set>

#include "../policy/json_reader.h"  // pointerToken: RFC 6901 escaping, shared with the loader
#include "../policy/validator.h"
#include "model.h"
#include "resolve.h"
#include "team.h"
#include "wall_parse.h"

namespace rg::esc {
namespace {

using nlohmann::json;

int severityOf(const std::string& s) {
  if (s == "none") return kNone;
  if (s == "info") return kInfo;
  if (s == "warn") return kWarn;
  if (s == "block") return kBlock;
  return -1;
}

bool validId(const std::string& s) {
  if (s.empty() || s.size() > 64) return false;
  if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= '0' && s[0] <= '9'))) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')) return false;
  return true;
}

// "+49 30 1234567": a plus, then 6 to 20 digits or spaces, starting with a digit.
bool validPhone(const std::string& s) {
  if (s.size() < 7 || s.size() > 22 || s[0] != '+' || s[1] < '0' || s[1] > '9') return false;
  for (size_t i = 1; i < s.size(); ++i)
    if (!((s[i] >= '0' && s[i] <= '9') || s[i] == ' ')) return false;
  return true;
}

class Parser {
 public:
  Parser(std::vector<BundleError>& errors, Team& team) : v_(errors), t_(team) {}

  void run(const json& j, const json& categories);

 private:
  policy::Validator v_;
  Team& t_;
  bool scheduleHasRegion_ = false;

  void err(const std::string& ptr, const std::string& msg) { v_.err(ptr, msg); }

  // The loader's validator: one error dialect for the whole bundle.
  bool object(const json& j, const std::string& ptr, std::initializer_list<const char*> allowed) {
    return v_.object(j, ptr, allowed);
  }
  const json* field(const json& j, const char* key, const std::string& ptr, bool required) {
    return v_.field(j, key, ptr, required);
  }
  std::optional<std::string> str(const json& j, const char* key, const std::string& ptr, bool required) {
    const json* v = field(j, key, ptr, required);
    std::string out;
    if (!v || !v_.string(*v, ptr + "/" + policy::pointerToken(key), out, false)) return std::nullopt;
    return out;
  }
  std::vector<std::string> strings(const json& j, const char* key, const std::string& ptr, bool required) {
    std::vector<std::string> out;
    if (const json* v = field(j, key, ptr, required)) v_.strings(*v, ptr + "/" + policy::pointerToken(key), out);
    return out;
  }
  void localized(const json& j, const char* key, const std::string& ptr, bool required, json& out) {
    const json* v = field(j, key, ptr, required);
    Localized l;
    if (v && v_.localizedObject(*v, ptr + "/" + policy::pointerToken(key), l)) out = *v;
  }
  const Zone* zone(const std::string& id, const std::string& ptr) {
    for (const auto& z : t_.zones)
      if (z->id() == id) return z.get();
    auto z = Zone::create(id);
    if (!z) {
      err(ptr, "unknown time zone \"" + id + "\"");
      return nullptr;
    }
    t_.zones.push_back(std::move(z));
    return t_.zones.back().get();
  }
  int member(const json& j, const char* key, const std::string& ptr, bool required) {
    auto id = str(j, key, ptr, required);
    if (!id) return -1;
    auto it = t_.memberIndex.find(*id);
    if (it == t_.memberIndex.end()) {
      err(ptr + "/" + key, "unknown member \"" + *id + "\"");
      return -1;
    }
    return it->second;
  }
  // A local date ("2026-07-01": whole day; as an end: through the end of that day) or date-time.
  std::optional<int64_t> wallTime(const json& j, const char* key, const std::string& ptr, bool isEnd) {
    auto s = str(j, key, ptr, true);
    if (!s) return std::nullopt;
    if (auto d = parseDate(*s)) return (*d + (isEnd ? 1 : 0)) * kDay;
    if (auto w = parseDateTime(*s)) return *w;
    err(ptr + "/" + key, "must be a local date \"YYYY-MM-DD\" or date-time \"YYYY-MM-DDTHH:MM\", got \"" + *s + "\"");
    return std::nullopt;
  }

  void roles(const json& j);
  void members(const json& j);
  void holidays(const json& j);
  void absences(const json& j);
  void schedules(const json& j);
  void layer(const json& j, const std::string& ptr, Schedule& s);
  void routes(const json& j);
  void categoryRefs(const json& categories);
  bool qualifies(int m, const Layer& l) const;
};

void Parser::run(const json& j, const json& categories) {
  if (!object(j, "/team", {"timezone", "default_role", "roles", "members", "holidays", "absences",
                           "schedules", "routes"}))
    return;
  if (auto tz = str(j, "timezone", "/team", true)) t_.zone = zone(*tz, "/team/timezone");
  roles(j);
  members(j);
  holidays(j);
  absences(j);
  schedules(j);
  routes(j);
  if (auto r = str(j, "default_role", "/team", false)) {
    if (!t_.roles.count(*r)) err("/team/default_role", "unknown role \"" + *r + "\"");
    else t_.defaultRole = *r;
  }
  categoryRefs(categories);
}

void Parser::roles(const json& j) {
  const json* rs = field(j, "roles", "/team", true);
  if (!rs) return;
  if (!rs->is_object() || rs->empty()) return err("/team/roles", "must be a non-empty object of roles");
  for (auto it = rs->begin(); it != rs->end(); ++it) {
    const std::string p = "/team/roles/" + policy::pointerToken(it.key());
    Role r;
    r.id = it.key();
    if (!validId(r.id)) err(p, "invalid role id \"" + r.id + "\"");
    if (!object(it.value(), p, {"label", "competencies", "limits"})) continue;
    localized(it.value(), "label", p, true, r.label);
    if (const json* c = field(it.value(), "competencies", p, true)) {
      if (!c->is_object()) err(p + "/competencies", "must be an object category -> severity");
      else
        for (auto ci = c->begin(); ci != c->end(); ++ci) {
          const int s = ci.value().is_string() ? severityOf(ci.value().get<std::string>()) : -1;
          if (s < 0) err(p + "/competencies/" + policy::pointerToken(ci.key()), "must be one of \"none\", \"info\", \"warn\", \"block\"");
          else r.competencies[ci.key()] = s;
        }
    }
    if (const json* l = field(it.value(), "limits", p, false)) {
      if (!l->is_object()) err(p + "/limits", "must be an object category -> {max, currency}");
      else
        for (auto li = l->begin(); li != l->end(); ++li) {
          const std::string lp = p + "/limits/" + policy::pointerToken(li.key());
          if (!object(li.value(), lp, {"max", "currency"})) continue;
          AmountLimit a;
          const json* mx = field(li.value(), "max", lp, true);
          if (mx && (!mx->is_number() || mx->get<double>() < 0)) err(lp + "/max", "must be a number >= 0");
          else if (mx) a.max = mx->get<double>();
          if (auto cur = str(li.value(), "currency", lp, false)) a.currency = *cur;
          r.limits[li.key()] = a;
        }
    }
    t_.roles[r.id] = std::move(r);
  }
}

void Parser::members(const json& j) {
  const json* ms = field(j, "members", "/team", true);
  if (!ms) return;
  if (!ms->is_array() || ms->empty()) return err("/team/members", "must be a non-empty array");
  for (size_t i = 0; i < ms->size(); ++i) {
    const std::string p = "/team/members/" + std::to_string(i);
    const json& mj = (*ms)[i];
    Member m;
    if (object(mj, p, {"id", "name", "roles", "languages", "timezone", "contact"})) {
      if (auto id = str(mj, "id", p, true)) {
        m.id = *id;
        if (!validId(m.id)) err(p + "/id", "invalid member id \"" + m.id + "\"");
        else if (t_.memberIndex.count(m.id)) err(p + "/id", "duplicate member id \"" + m.id + "\"");
      }
      if (auto n = str(mj, "name", p, true)) m.name = *n;
      m.roles = strings(mj, "roles", p, true);
      if (m.roles.empty() && mj.contains("roles")) err(p + "/roles", "must name at least one role");
      for (size_t k = 0; k < m.roles.size(); ++k)
        if (!t_.roles.count(m.roles[k])) err(p + "/roles/" + std::to_string(k), "unknown role \"" + m.roles[k] + "\"");
      m.languages = strings(mj, "languages", p, true);
      m.zone = t_.zone;
      if (auto tz = str(mj, "timezone", p, false)) m.zone = zone(*tz, p + "/timezone");
      if (const json* c = field(mj, "contact", p, true)) {
        if (object(*c, p + "/contact", {"phone", "email", "chat"})) {
          if (auto v = str(*c, "phone", p + "/contact", false)) {
            m.phone = *v;
            if (!validPhone(m.phone))
              err(p + "/contact/phone", "must be an international number like \"+49 30 1234567\"");
          }
          if (auto v = str(*c, "email", p + "/contact", false)) {
            m.email = *v;
            if (m.email.find('@') == std::string::npos || m.email.find_first_of(" ,?&") != std::string::npos)
              err(p + "/contact/email", "must be an e-mail address");
          }
          if (auto v = str(*c, "chat", p + "/contact", false)) {
            m.chat = *v;
            if (m.chat.rfind("https://", 0) != 0 && m.chat.rfind("slack://", 0) != 0 && m.chat.rfind("msteams://", 0) != 0)
              err(p + "/contact/chat", "must be an https://, slack:// or msteams:// link");
          }
          if (m.phone.empty() && m.email.empty() && m.chat.empty())
            err(p + "/contact", "needs at least one of \"phone\", \"email\", \"chat\"");
        }
      }
    }
    if (!m.id.empty() && !t_.memberIndex.count(m.id)) t_.memberIndex[m.id] = static_cast<int>(t_.members.size());
    t_.members.push_back(std::move(m));
  }
}

void Parser::holidays(const json& j) {
  const json* hs = field(j, "holidays", "/team", false);
  if (!hs) return;
  if (!hs->is_object()) return err("/team/holidays", "must be an object region -> dates");
  // stored per region in the schedules that name them; checked here
  for (auto it = hs->begin(); it != hs->end(); ++it) {
    const std::string p = "/team/holidays/" + policy::pointerToken(it.key());
    if (!it.value().is_array()) {
      err(p, "must be an array of dates");
      continue;
    }
    for (size_t i = 0; i < it.value().size(); ++i) {
      const json& d = it.value()[i];
      if (!d.is_string() || !parseDate(d.get<std::string>()))
        err(p + "/" + std::to_string(i), "must be a date \"YYYY-MM-DD\"");
    }
  }
}

void Parser::absences(const json& j) {
  const json* as = field(j, "absences", "/team", false);
  if (!as) return;
  if (!as->is_array()) return err("/team/absences", "must be an array");
  for (size_t i = 0; i < as->size(); ++i) {
    const std::string p = "/team/absences/" + std::to_string(i);
    const json& aj = (*as)[i];
    if (!object(aj, p, {"member", "from", "to", "reason", "substitute", "note"})) continue;
    Absence a;
    a.index = i;
    a.member = member(aj, "member", p, true);
    auto from = wallTime(aj, "from", p, false), to = wallTime(aj, "to", p, true);
    if (auto r = str(aj, "reason", p, true)) {
      a.reason = *r;
      if (*r != "holiday" && *r != "sickness" && *r != "training" && *r != "other")
        err(p + "/reason", "must be one of \"holiday\", \"sickness\", \"training\", \"other\"");
    }
    if (aj.contains("substitute")) {
      a.substitute = member(aj, "substitute", p, true);
      if (a.substitute >= 0 && a.substitute == a.member) err(p + "/substitute", "a member cannot substitute for themself");
    }
    if (a.member < 0 || !from || !to) continue;
    const Zone* z = t_.members[a.member].zone;
    if (!z) continue;
    a.from = z->toUtc(*from);
    a.to = z->toUtc(*to);
    if (a.to <= a.from) {
      err(p + "/to", "must be after \"from\"");
      continue;
    }
    for (const auto& b : t_.absences)
      if (b.member == a.member && b.from < a.to && a.from < b.to)
        err(p, "overlaps absence /team/absences/" + std::to_string(b.index) + " of \"" + t_.members[a.member].id + "\"");
    t_.absences.push_back(a);
  }
  std::sort(t_.absences.begin(), t_.absences.end(),
            [](const Absence& x, const Absence& y) { return std::tie(x.member, x.from) < std::tie(y.member, y.from); });
}

bool Parser::qualifies(int m, const Layer& l) const { return esc::qualifies(t_, m, l); }

void Parser::schedules(const json& j) {
  const json* ss = field(j, "schedules", "/team", false);
  if (!ss) return;
  if (!ss->is_array()) return err("/team/schedules", "must be an array");
  const json* hs = j.contains("holidays") && j["holidays"].is_object() ? &j["holidays"] : nullptr;
  for (size_t i = 0; i < ss->size(); ++i) {
    const std::string p = "/team/schedules/" + std::to_string(i);
    const json& sj = (*ss)[i];
    Schedule s;
    if (!object(sj, p, {"id", "name", "timezone", "holidays", "layers", "overrides"})) continue;
    if (auto id = str(sj, "id", p, true)) {
      s.id = *id;
      if (!validId(s.id)) err(p + "/id", "invalid schedule id \"" + s.id + "\"");
      for (const auto& o : t_.schedules)
        if (o.id == s.id) err(p + "/id", "duplicate schedule id \"" + s.id + "\"");
    }
    localized(sj, "name", p, false, s.name);
    s.zone = t_.zone;
    if (auto tz = str(sj, "timezone", p, false)) s.zone = zone(*tz, p + "/timezone");
    scheduleHasRegion_ = sj.contains("holidays");
    if (auto region = str(sj, "holidays", p, false)) {
      if (!hs || !hs->contains(*region) || !(*hs)[*region].is_array())
        err(p + "/holidays", "unknown holiday region \"" + *region + "\"");
      else
        for (const auto& d : (*hs)[*region])
          if (d.is_string() && parseDate(d.get<std::string>())) s.holidays.push_back(d.get<std::string>());
      std::sort(s.holidays.begin(), s.holidays.end());
    }
    const json* ls = field(sj, "layers", p, true);
    if (ls && (!ls->is_array() || ls->empty())) err(p + "/layers", "must be a non-empty array");
    else if (ls)
      for (size_t k = 0; k < ls->size(); ++k) layer((*ls)[k], p + "/layers/" + std::to_string(k), s);
    if (const json* os = field(sj, "overrides", p, false)) {
      if (!os->is_array()) err(p + "/overrides", "must be an array");
      else
        for (size_t k = 0; k < os->size(); ++k) {
          const std::string op = p + "/overrides/" + std::to_string(k);
          if (!object((*os)[k], op, {"member", "from", "to", "note"})) continue;
          Override o;
          o.member = member((*os)[k], "member", op, true);
          auto from = wallTime((*os)[k], "from", op, false), to = wallTime((*os)[k], "to", op, true);
          if (o.member < 0 || !from || !to || !s.zone) continue;
          o.from = s.zone->toUtc(*from);
          o.to = s.zone->toUtc(*to);
          if (o.to <= o.from) {
            err(op + "/to", "must be after \"from\"");
            continue;
          }
          for (size_t q = 0; q < s.overrides.size(); ++q)
            if (s.overrides[q].from < o.to && o.from < s.overrides[q].to) err(op, "overlaps another override of this schedule");
          for (const auto& a : t_.absences)
            if (a.member == o.member && a.from < o.to && o.from < a.to)
              err(op, "\"" + t_.members[o.member].id + "\" is absent then (/team/absences/" + std::to_string(a.index) + ")");
          s.overrides.push_back(o);
        }
      std::sort(s.overrides.begin(), s.overrides.end(), [](const Override& a, const Override& b) { return a.from < b.from; });
    }
    t_.schedules.push_back(std::move(s));
  }
}

void Parser::layer(const json& lj, const std::string& p, Schedule& s) {
  Layer l;
  if (!object(lj, p, {"id", "name", "start", "end", "rotation", "members", "restrictions", "holidays", "require",
                      "substitutes"}))
    return;
  if (auto id = str(lj, "id", p, true)) {
    l.id = *id;
    for (const auto& o : s.layers)
      if (o.id == l.id) err(p + "/id", "duplicate layer id \"" + l.id + "\"");
  }
  if (auto st = str(lj, "start", p, true)) {
    if (auto w = parseDateTime(*st)) l.startWall = *w;
    else err(p + "/start", "must be a local date-time \"YYYY-MM-DDTHH:MM\" (the first handoff)");
  }
  if (auto en = str(lj, "end", p, false)) {
    auto w = parseDateTime(*en);
    if (!w) err(p + "/end", "must be a local date-time \"YYYY-MM-DDTHH:MM\"");
    else if (*w <= l.startWall) err(p + "/end", "must be after \"start\"");
    else l.endWall = *w;
  }
  if (const json* r = field(lj, "rotation", p, true); r && object(*r, p + "/rotation", {"type", "hours"})) {
    auto type = str(*r, "type", p + "/rotation", true);
    if (type == "daily") l.turnWall = kDay;
    else if (type == "weekly") l.turnWall = 7 * kDay;
    else if (type == "custom") {
      const json* h = field(*r, "hours", p + "/rotation", true);
      if (h && (!h->is_number_integer() || h->get<int64_t>() < 1 || h->get<int64_t>() > 24 * 366))
        err(p + "/rotation/hours", "must be an integer number of hours from 1 to 8784");
      else if (h) l.turnWall = h->get<int64_t>() * kHour;
    } else if (type)
      err(p + "/rotation/type", "must be one of \"daily\", \"weekly\", \"custom\"");
    if (type != "custom" && r->contains("hours")) err(p + "/rotation/hours", "only for type custom");
  }
  if (const json* rq = field(lj, "require", p, false); rq && object(*rq, p + "/require", {"roles", "languages"})) {
    l.requireRoles = strings(*rq, "roles", p + "/require", false);
    for (size_t k = 0; k < l.requireRoles.size(); ++k)
      if (!t_.roles.count(l.requireRoles[k])) err(p + "/require/roles/" + std::to_string(k), "unknown role \"" + l.requireRoles[k] + "\"");
    l.requireLanguages = strings(*rq, "languages", p + "/require", false);
  }
  auto ids = [&](const char* key, std::vector<int>& out) {
    const auto names = strings(lj, key, p, std::string(key) == "members");
    for (size_t k = 0; k < names.size(); ++k) {
      const std::string mp = p + "/" + key + "/" + std::to_string(k);
      auto it = t_.memberIndex.find(names[k]);
      if (it == t_.memberIndex.end()) {
        err(mp, "unknown member \"" + names[k] + "\"");
        continue;
      }
      if (std::find(out.begin(), out.end(), it->second) != out.end()) err(mp, "\"" + names[k] + "\" is listed twice");
      else if (!qualifies(it->second, l)) err(mp, "\"" + names[k] + "\" does not meet the layer's \"require\"");
      else out.push_back(it->second);
    }
  };
  ids("members", l.members);
  if (lj.contains("members") && lj["members"].is_array() && lj["members"].empty()) err(p + "/members", "must name at least one member");
  ids("substitutes", l.substitutes);
  if (const json* rs = field(lj, "restrictions", p, false)) {
    if (!rs->is_array()) err(p + "/restrictions", "must be an array of {from, to}");
    else
      for (size_t k = 0; k < rs->size(); ++k) {
        const std::string rp = p + "/restrictions/" + std::to_string(k);
        if (!object((*rs)[k], rp, {"from", "to"})) continue;
        auto from = str((*rs)[k], "from", rp, true), to = str((*rs)[k], "to", rp, true);
        if (!from || !to) continue;
        Window w;
        if (auto a = parseWeekClock(*from)) {
          auto b = parseWeekClock(*to);
          if (!b) {
            err(rp + "/to", "must be a weekly time like \"mon 08:00\" (as \"from\")");
            continue;
          }
          w = {*a, *b, true};
        } else if (auto a2 = parseClock(*from); a2 && *a2 < 24 * 60) {
          auto b = parseClock(*to);
          if (!b) {
            err(rp + "/to", "must be a time of day like \"08:00\" (as \"from\")");
            continue;
          }
          w = {*a2, *b == 24 * 60 ? 0 : *b, false};
        } else {
          err(rp + "/from", "must be \"HH:MM\" (daily) or \"ddd HH:MM\" (weekly, mon..sun)");
          continue;
        }
        if (w.fromMin == w.toMin) err(rp, "empty window: \"from\" equals \"to\"");
        else l.windows.push_back(w);
      }
  }
  if (auto h = str(lj, "holidays", p, false)) {
    if (*h == "include") l.holidays = 1;
    else if (*h == "exclude") l.holidays = -1;
    else if (*h != "ignore") err(p + "/holidays", "must be one of \"include\", \"exclude\", \"ignore\"");
    if (l.holidays != 0 && !scheduleHasRegion_)
      err(p + "/holidays", "the schedule names no holiday region (\"holidays\")");
  }
  s.layers.push_back(std::move(l));
}

void Parser::routes(const json& j) {
  const json* rs = field(j, "routes", "/team", false);
  if (!rs) return;
  if (!rs->is_object()) return err("/team/routes", "must be an object route -> levels");
  for (auto it = rs->begin(); it != rs->end(); ++it) {
    const std::string p = "/team/routes/" + policy::pointerToken(it.key());
    Route r;
    r.id = it.key();
    if (!validId(r.id)) err(p, "invalid route id \"" + r.id + "\"");
    if (!it.value().is_array() || it.value().empty()) {
      err(p, "must be a non-empty array of levels");
      continue;
    }
    for (size_t i = 0; i < it.value().size(); ++i) {
      const std::string lp = p + "/" + std::to_string(i);
      const json& lj = it.value()[i];
      if (!object(lj, lp, {"level", "name", "schedule", "role", "members", "min_severity", "within_minutes",
                           "channels", "management", "notify"}))
        continue;
      Level l;
      const json* lv = field(lj, "level", lp, true);
      if (lv && (!lv->is_number_integer() || lv->get<int>() < 1)) err(lp + "/level", "must be an integer >= 1");
      else if (lv) {
        l.level = lv->get<int>();
        if (!r.levels.empty() && l.level <= r.levels.back().level) err(lp + "/level", "levels must be listed in ascending order");
      }
      localized(lj, "name", lp, false, l.name);
      const int kinds = lj.contains("schedule") + lj.contains("role") + lj.contains("members");
      if (kinds != 1) err(lp, "needs exactly one of \"schedule\", \"role\", \"members\"");
      if (auto sid = str(lj, "schedule", lp, false)) {
        l.kind = TargetKind::kSchedule;
        for (size_t k = 0; k < t_.schedules.size(); ++k)
          if (t_.schedules[k].id == *sid) l.schedule = static_cast<int>(k);
        if (l.schedule < 0) err(lp + "/schedule", "unknown schedule \"" + *sid + "\"");
      }
      if (auto role = str(lj, "role", lp, false)) {
        l.kind = TargetKind::kRole;
        l.role = *role;
        if (!t_.roles.count(*role)) err(lp + "/role", "unknown role \"" + *role + "\"");
      }
      if (lj.contains("members")) {
        l.kind = TargetKind::kMembers;
        const auto names = strings(lj, "members", lp, true);
        if (names.empty()) err(lp + "/members", "must name at least one member");
        for (size_t k = 0; k < names.size(); ++k) {
          auto mi = t_.memberIndex.find(names[k]);
          if (mi == t_.memberIndex.end()) err(lp + "/members/" + std::to_string(k), "unknown member \"" + names[k] + "\"");
          else l.members.push_back(mi->second);
        }
      }
      if (auto ms = str(lj, "min_severity", lp, false)) {
        l.minSeverity = severityOf(*ms);
        if (l.minSeverity < kInfo) err(lp + "/min_severity", "must be one of \"info\", \"warn\", \"block\"");
      }
      const json* wm = field(lj, "within_minutes", lp, true);
      if (wm && (!wm->is_number_integer() || wm->get<int>() < 1 || wm->get<int>() > 10080))
        err(lp + "/within_minutes", "must be an integer from 1 to 10080");
      else if (wm) l.withinMinutes = wm->get<int>();
      l.channels = strings(lj, "channels", lp, true);
      if (l.channels.empty() && lj.contains("channels")) err(lp + "/channels", "must name at least one channel");
      for (size_t k = 0; k < l.channels.size(); ++k)
        if (l.channels[k] != "phone" && l.channels[k] != "email" && l.channels[k] != "chat")
          err(lp + "/channels/" + std::to_string(k), "must be one of \"phone\", \"email\", \"chat\"");
      if (const json* mg = field(lj, "management", lp, false)) {
        if (!mg->is_boolean()) err(lp + "/management", "must be true or false");
        else l.management = mg->get<bool>();
      }
      if (auto n = str(lj, "notify", lp, false)) {
        if (*n == "now") l.notifyNow = true;
        else if (*n != "after_previous") err(lp + "/notify", "must be one of \"now\", \"after_previous\"");
      }
      r.levels.push_back(std::move(l));
    }
    t_.routes[r.id] = std::move(r);
  }
}

void Parser::categoryRefs(const json& categories) {
  if (!categories.is_object()) return;
  // Competencies and limits name declared categories (catches typos such as "legel").
  for (const auto& [id, role] : t_.roles) {
    for (const auto& [cat, sev] : role.competencies)
      if (!categories.contains(cat))
        err("/team/roles/" + policy::pointerToken(id) + "/competencies/" + policy::pointerToken(cat), "unknown category \"" + cat + "\"");
    for (const auto& [cat, lim] : role.limits)
      if (!categories.contains(cat))
        err("/team/roles/" + policy::pointerToken(id) + "/limits/" + policy::pointerToken(cat), "unknown category \"" + cat + "\"");
  }
  for (auto it = categories.begin(); it != categories.end(); ++it) {
    if (!it.value().is_object()) continue;
    if (it.value().contains("label")) t_.categoryLabels[it.key()] = it.value()["label"];
    auto e = it.value().find("escalation");
    if (e == it.value().end() || !e->is_string()) continue;
    const std::string route = e->get<std::string>();
    if (!t_.routes.count(route))
      err("/categories/" + policy::pointerToken(it.key()) + "/escalation", "unknown route \"" + route + "\" (team.routes)");
    else
      t_.categoryRoute[it.key()] = route;
  }
}

}  // namespace

std::shared_ptr<const Team> parseTeam(const nlohmann::json& team, const nlohmann::json& categories,
                                      std::vector<BundleError>& errors) {
  const size_t before = errors.size();
  auto t = std::make_shared<Team>();
  try {
    Parser(errors, *t).run(team, categories);
  } catch (const std::exception& e) {  // defensive: nlohmann type errors must not escape
    errors.push_back({"/team", std::string("invalid team: ") + e.what()});
  }
  if (errors.size() != before) return nullptr;
  return t;
}

}  // namespace rg::esc
