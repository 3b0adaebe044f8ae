// readIcs: libical does the RFC 5545 work (parsing, VTIMEZONE/TZID, recurrence expansion with
// EXDATE); this file only walks its results. RECURRENCE-ID instances replace the master's
// occurrence at that time, as the RFC says; libical expands the master without knowing them.
#include "ics_read.h"

#include <libical/ical.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <set>

#include "exit_codes.h"
#include "io.h"
#include "messages.h"

namespace rg::cli {
namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}
std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}
std::string email(const char* v) {
  std::string s = v ? v : "";
  if (lower(s.substr(0, 7)) == "mailto:") s = s.substr(7);
  return lower(s);
}

struct CalDeleter { void operator()(icalcomponent* c) const { icalcomponent_free(c); } };

icaltimezone* utc() { return icaltimezone_get_utc_timezone(); }

// Seconds since the epoch of a time (floating and date values taken as UTC wall fields).
int64_t epochSeconds(icaltimetype t) {
  if (t.is_date || !t.zone) return static_cast<int64_t>(icaltime_as_timet(t));
  return static_cast<int64_t>(icaltime_as_timet_with_zone(t, t.zone));
}

// A property's time with its TZID applied (libical resolves TZID only for DTSTART/DTEND): the
// calendar's VTIMEZONE, else the system zone of that name.
icaltimetype withZone(icalproperty* p, icaltimetype t, icalcomponent* cal) {
  if (!p || t.is_date || t.zone) return t;
  icalparameter* tz = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
  if (!tz) return t;
  const char* id = icalparameter_get_tzid(tz);
  icaltimezone* z = icalcomponent_get_timezone(cal, id);
  if (!z) z = icaltimezone_get_builtin_timezone(id);
  if (z) t = icaltime_set_timezone(&t, z);
  return t;
}

struct Walk {
  const std::string* file;
  std::vector<IcsOccurrence>* out;
  IcsOccurrence base;
  std::set<int64_t> replaced;  // epoch seconds of instances overridden by RECURRENCE-ID events
  bool isDate = false, floating = false;
};

void onInstance(icalcomponent*, struct icaltime_span* span, void* data) {
  auto* w = static_cast<Walk*>(data);
  if (w->replaced.count(static_cast<int64_t>(span->start))) return;
  IcsOccurrence o = w->base;
  if (w->isDate) {
    o.start = static_cast<int64_t>(span->start) / 86400;
    // libical ends a date span at 23:59:59 of the (exclusive) DTEND date, or of DTSTART + 1 day.
    o.end = std::max(o.start + 1, static_cast<int64_t>(span->end) / 86400);
  } else {
    o.start = static_cast<int64_t>(span->start) * 1000;
    o.end = static_cast<int64_t>(span->end) * 1000;
  }
  w->out->push_back(std::move(o));
}

IcsOccurrence describe(icalcomponent* ev, const std::string& file) {
  IcsOccurrence o;
  o.file = file;
  if (const char* uid = icalcomponent_get_uid(ev)) o.uid = uid;
  if (const char* s = icalcomponent_get_summary(ev)) o.summary = s;
  for (icalproperty* p = icalcomponent_get_first_property(ev, ICAL_CATEGORIES_PROPERTY); p;
       p = icalcomponent_get_next_property(ev, ICAL_CATEGORIES_PROPERTY)) {
    // CATEGORIES:A,B is one property with a comma list; libical gives the whole value.
    std::string all = icalproperty_get_categories(p) ? icalproperty_get_categories(p) : "";
    size_t start = 0;
    while (start <= all.size()) {
      size_t comma = all.find(',', start);
      std::string c = lower(all.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
      while (!c.empty() && c.front() == ' ') c.erase(c.begin());
      while (!c.empty() && c.back() == ' ') c.pop_back();
      if (!c.empty()) o.categories.push_back(c);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  for (icalproperty* p = icalcomponent_get_first_property(ev, ICAL_ATTENDEE_PROPERTY); p;
       p = icalcomponent_get_next_property(ev, ICAL_ATTENDEE_PROPERTY))
    o.attendees.push_back(email(icalproperty_get_attendee(p)));
  if (icalproperty* p = icalcomponent_get_first_property(ev, ICAL_ORGANIZER_PROPERTY)) o.organizer = email(icalproperty_get_organizer(p));
  for (icalproperty* p = icalcomponent_get_first_property(ev, ICAL_X_PROPERTY); p;
       p = icalcomponent_get_next_property(ev, ICAL_X_PROPERTY))
    if (upper(icalproperty_get_x_name(p) ? icalproperty_get_x_name(p) : "") == "X-MICROSOFT-CDO-BUSYSTATUS")
      o.busyStatus = upper(icalproperty_get_x(p) ? icalproperty_get_x(p) : "");
  return o;
}

}  // namespace

std::vector<IcsOccurrence> readIcs(const std::string& path, int64_t fromMs, int64_t toMs) {
  const std::string text = readFile(path);
  icalerror_set_errors_are_fatal(0);
  std::unique_ptr<icalcomponent, CalDeleter> root(icalparser_parse_string(text.c_str()));
  if (!root) throw CliError{kInvalidInput, tr("ics.unparsable", {path})};
  std::vector<icalcomponent*> cals;
  if (icalcomponent_isa(root.get()) == ICAL_VCALENDAR_COMPONENT) cals.push_back(root.get());
  for (icalcomponent* c = icalcomponent_get_first_component(root.get(), ICAL_VCALENDAR_COMPONENT); c;
       c = icalcomponent_get_next_component(root.get(), ICAL_VCALENDAR_COMPONENT))
    cals.push_back(c);
  if (cals.empty()) throw CliError{kInvalidInput, tr("ics.no_calendar", {path})};

  std::vector<IcsOccurrence> out;
  // The window, widened by a day each side: occurrences are clipped to it by the caller.
  const icaltimetype from = icaltime_from_timet_with_zone(static_cast<time_t>(fromMs / 1000 - 86400), 0, utc());
  const icaltimetype to = icaltime_from_timet_with_zone(static_cast<time_t>(toMs / 1000 + 86400), 0, utc());
  for (icalcomponent* cal : cals) {
    std::vector<icalcomponent*> events;
    for (icalcomponent* e = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); e;
         e = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT))
      events.push_back(e);
    // uid -> start times (epoch s) of instances that a RECURRENCE-ID event replaces (or cancels).
    std::map<std::string, std::set<int64_t>> replaced;
    for (icalcomponent* e : events) {
      icalproperty* rp = icalcomponent_get_first_property(e, ICAL_RECURRENCEID_PROPERTY);
      if (!rp) continue;
      icaltimetype rid = withZone(rp, icalproperty_get_recurrenceid(rp), cal);
      const char* uid = icalcomponent_get_uid(e);
      replaced[uid ? uid : ""].insert(epochSeconds(rid));
    }
    for (icalcomponent* e : events) {
      icaltimetype start = icalcomponent_get_dtstart(e);
      if (icaltime_is_null_time(start)) throw CliError{kInvalidInput, tr("ics.no_start", {path, icalcomponent_get_uid(e) ? icalcomponent_get_uid(e) : "?"})};
      const bool isException = !icaltime_is_null_time(icalcomponent_get_recurrenceid(e));
      if (icalcomponent_get_status(e) == ICAL_STATUS_CANCELLED) continue;  // an exception that cancels its instance stays in `replaced`
      Walk w;
      w.file = &path;
      w.out = &out;
      w.base = describe(e, path);
      w.isDate = start.is_date;
      w.floating = !start.is_date && start.zone == nullptr;
      w.base.allDay = w.isDate;
      w.base.floating = w.floating;
      if (!isException) w.replaced = replaced[w.base.uid];
      icalcomponent_foreach_recurrence(e, from, to, onInstance, &w);
    }
  }
  return out;
}

}  // namespace rg::cli
