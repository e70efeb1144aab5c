#include "certval/trust/certdata.h"

#include <openssl/sha.h>

#include <map>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace certval::certdata {
namespace {

// One attribute of one object: its type word and its value (decoded octal, unquoted UTF8, or the
// bare word of CK_BBOOL / CK_TRUST / CK_OBJECT_CLASS).
struct Attribute {
  std::string type;
  std::string value;
  int line = 0;
};

struct Object {
  std::map<std::string, Attribute> attrs;
  int line = 0;  // of its CKA_CLASS
  const Attribute* Find(const std::string& name) const {
    auto it = attrs.find(name);
    return it == attrs.end() ? nullptr : &it->second;
  }
};

absl::Status LineError(int line, absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat("line ", line, ": ", what));
}

std::string Sha(const std::string& data, bool sha256) {
  uint8_t digest[SHA256_DIGEST_LENGTH];
  const auto* in = reinterpret_cast<const uint8_t*>(data.data());
  if (sha256) {
    SHA256(in, data.size(), digest);
    return std::string(reinterpret_cast<const char*>(digest), SHA256_DIGEST_LENGTH);
  }
  SHA1(in, data.size(), digest);
  return std::string(reinterpret_cast<const char*>(digest), SHA_DIGEST_LENGTH);
}

// Appends the bytes of one MULTILINE_OCTAL line ("\060\202...").
absl::Status DecodeOctalLine(absl::string_view text, int line, std::string* out) {
  if (text.size() % 4 != 0) return LineError(line, "octal data is not a run of \\ooo escapes");
  for (size_t i = 0; i < text.size(); i += 4) {
    int value = 0;
    if (text[i] != '\\') return LineError(line, "octal data is not a run of \\ooo escapes");
    for (size_t j = 1; j <= 3; ++j) {
      const char c = text[i + j];
      if (c < '0' || c > '7') return LineError(line, "octal data is not a run of \\ooo escapes");
      value = value * 8 + (c - '0');
    }
    if (value > 0xff) return LineError(line, "octal escape above \\377");
    out->push_back(static_cast<char>(value));
  }
  return absl::OkStatus();
}

// Splits the data section into objects. Each object starts with CKA_CLASS.
absl::StatusOr<std::vector<Object>> ReadObjects(absl::string_view text) {
  std::vector<absl::string_view> lines = absl::StrSplit(text, '\n');
  std::vector<Object> objects;
  bool data = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    const int number = static_cast<int>(i) + 1;
    absl::string_view line = absl::StripTrailingAsciiWhitespace(lines[i]);
    if (line.empty() || line.front() == '#') continue;
    if (!data) {
      if (line == "BEGINDATA") data = true;
      continue;  // the header before BEGINDATA is prose
    }
    std::vector<absl::string_view> words =
        absl::StrSplit(line, absl::MaxSplits(absl::ByAnyChar(" \t"), 2), absl::SkipEmpty());
    if (words.size() < 2 || !absl::StartsWith(words[0], "CKA_")) {
      return LineError(number, absl::StrCat("expected \"CKA_<name> <type> [value]\", got \"",
                                            absl::CEscape(line.substr(0, 60)), "\""));
    }
    Attribute attr{std::string(words[1]), "", number};
    if (attr.type == "MULTILINE_OCTAL") {
      if (words.size() != 2) return LineError(number, "MULTILINE_OCTAL takes no value on its line");
      for (++i;; ++i) {
        if (i >= lines.size()) return LineError(number, "MULTILINE_OCTAL without END");
        absl::string_view octal = absl::StripAsciiWhitespace(lines[i]);
        if (octal == "END") break;
        if (absl::Status s = DecodeOctalLine(octal, static_cast<int>(i) + 1, &attr.value);
            !s.ok()) {
          return s;
        }
      }
    } else if (attr.type == "UTF8") {
      absl::string_view v = words.size() == 3 ? words[2] : "";
      if (v.size() < 2 || v.front() != '"' || v.back() != '"') {
        return LineError(number, "a UTF8 value must be quoted");
      }
      attr.value = std::string(v.substr(1, v.size() - 2));
    } else if (attr.type == "CK_BBOOL" || attr.type == "CK_TRUST" ||
               attr.type == "CK_OBJECT_CLASS" || attr.type == "CK_CERTIFICATE_TYPE") {
      if (words.size() != 3) return LineError(number, absl::StrCat(attr.type, " needs one value"));
      attr.value = std::string(words[2]);
    } else {
      return LineError(number, absl::StrCat("unknown attribute type ", absl::CEscape(attr.type)));
    }
    const std::string name(words[0]);
    if (name == "CKA_CLASS") {
      objects.emplace_back();
      objects.back().line = number;
    } else if (objects.empty()) {
      return LineError(number, "attribute before the first CKA_CLASS");
    }
    if (!objects.back().attrs.emplace(name, std::move(attr)).second) {
      return LineError(number, absl::StrCat(name, " given twice in one object"));
    }
  }
  if (!data) return LineError(static_cast<int>(lines.size()), "no BEGINDATA line");
  return objects;
}

absl::StatusOr<TrustLevel> ReadTrust(const Object& o, const std::string& name) {
  const Attribute* a = o.Find(name);
  if (a == nullptr) return TrustLevel::kMustVerify;  // NSS's reading of an absent trust attribute
  if (a->type != "CK_TRUST") return LineError(a->line, absl::StrCat(name, " must be CK_TRUST"));
  if (a->value == "CKT_NSS_TRUSTED_DELEGATOR") return TrustLevel::kTrusted;
  if (a->value == "CKT_NSS_MUST_VERIFY_TRUST") return TrustLevel::kMustVerify;
  if (a->value == "CKT_NSS_NOT_TRUSTED") return TrustLevel::kDistrusted;
  return LineError(a->line, absl::StrCat("unknown trust value ", absl::CEscape(a->value)));
}

// CK_FALSE, or a MULTILINE_OCTAL time.
absl::StatusOr<std::optional<int64_t>> ReadDistrustAfter(const Object& o, const std::string& name) {
  const Attribute* a = o.Find(name);
  if (a == nullptr) return std::optional<int64_t>();
  if (a->type == "CK_BBOOL") {
    if (a->value == "CK_FALSE") return std::optional<int64_t>();
    return LineError(a->line, absl::StrCat(name, " as CK_BBOOL must be CK_FALSE"));
  }
  if (a->type != "MULTILINE_OCTAL") {
    return LineError(a->line, absl::StrCat(name, " must be CK_FALSE or MULTILINE_OCTAL"));
  }
  std::optional<int64_t> t = ParseTime(a->value);
  if (!t) {
    return LineError(a->line,
                     absl::StrCat(name, " is not a UTCTime (\"", absl::CEscape(a->value), "\")"));
  }
  return t;
}

std::optional<int64_t> Earlier(std::optional<int64_t> a, std::optional<int64_t> b) {
  if (!a) return b;
  if (!b) return a;
  return std::min(*a, *b);
}

absl::StatusOr<std::string> Required(const Object& o, const std::string& name,
                                     const std::string& type) {
  const Attribute* a = o.Find(name);
  if (a == nullptr) return LineError(o.line, absl::StrCat("object without ", name));
  if (a->type != type) return LineError(a->line, absl::StrCat(name, " must be ", type));
  if (a->value.empty()) return LineError(a->line, absl::StrCat(name, " is empty"));
  return a->value;
}

int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  // Howard Hinnant's days_from_civil (public domain algorithm description).
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

}  // namespace

std::optional<int64_t> ParseTime(absl::string_view text) {
  if (text.size() != 13 && text.size() != 15) return std::nullopt;
  if (text.back() != 'Z') return std::nullopt;
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  auto num = [&](size_t pos, size_t len) {
    int v = 0;
    for (size_t i = 0; i < len; ++i) v = v * 10 + (text[pos + i] - '0');
    return v;
  };
  size_t p = 0;
  int year;
  if (text.size() == 13) {
    year = num(0, 2);
    year += year < 50 ? 2000 : 1900;  // RFC 5280 4.1.2.5.1
    p = 2;
  } else {
    year = num(0, 4);
    p = 4;
  }
  const int month = num(p, 2), day = num(p + 2, 2), hour = num(p + 4, 2), minute = num(p + 6, 2),
            second = num(p + 8, 2);
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > kDays[month - 1] || hour > 23 || minute > 59 ||
      second > 59) {
    return std::nullopt;
  }
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && day == 29 && !leap) return std::nullopt;
  return DaysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
}

absl::StatusOr<File> Parse(absl::string_view text) {
  absl::StatusOr<std::vector<Object>> objects = ReadObjects(text);
  if (!objects.ok()) return objects.status();
  File file;
  // Certificates by issuer + serial, to attach their trust objects.
  std::map<std::pair<std::string, std::string>, size_t> by_issuer_serial;
  std::vector<bool> has_trust;
  std::vector<const Object*> trusts;
  for (const Object& o : *objects) {
    const std::string& cls = o.attrs.at("CKA_CLASS").value;
    if (cls == "CKO_NSS_TRUST") {
      trusts.push_back(&o);
      continue;
    }
    if (cls != "CKO_CERTIFICATE") continue;  // e.g. CKO_NSS_BUILTIN_ROOT_LIST
    Root root;
    root.line = o.line;
    absl::StatusOr<std::string> label = Required(o, "CKA_LABEL", "UTF8");
    absl::StatusOr<std::string> der = Required(o, "CKA_VALUE", "MULTILINE_OCTAL");
    absl::StatusOr<std::string> issuer = Required(o, "CKA_ISSUER", "MULTILINE_OCTAL");
    absl::StatusOr<std::string> serial = Required(o, "CKA_SERIAL_NUMBER", "MULTILINE_OCTAL");
    for (const auto* s : {&label, &der, &issuer, &serial}) {
      if (!s->ok()) return s->status();
    }
    root.label = *label;
    root.der = *std::move(der);
    root.sha256 = Sha(root.der, true);
    for (auto [name, field] :
         {std::pair{"CKA_NSS_SERVER_DISTRUST_AFTER", &root.server_distrust_after},
          std::pair{"CKA_NSS_EMAIL_DISTRUST_AFTER", &root.email_distrust_after}}) {
      absl::StatusOr<std::optional<int64_t>> t = ReadDistrustAfter(o, name);
      if (!t.ok()) return t.status();
      *field = *t;
    }
    if (!by_issuer_serial.emplace(std::pair(*issuer, *serial), file.roots.size()).second) {
      return LineError(o.line, absl::StrCat("a second certificate with the issuer and serial of \"",
                                            *label, "\""));
    }
    file.roots.push_back(std::move(root));
    has_trust.push_back(false);
  }
  for (const Object* o : trusts) {
    absl::StatusOr<std::string> label = Required(*o, "CKA_LABEL", "UTF8");
    absl::StatusOr<std::string> issuer = Required(*o, "CKA_ISSUER", "MULTILINE_OCTAL");
    absl::StatusOr<std::string> serial = Required(*o, "CKA_SERIAL_NUMBER", "MULTILINE_OCTAL");
    for (const auto* s : {&label, &issuer, &serial}) {
      if (!s->ok()) return s->status();
    }
    absl::StatusOr<TrustLevel> server = ReadTrust(*o, "CKA_TRUST_SERVER_AUTH");
    absl::StatusOr<TrustLevel> email = ReadTrust(*o, "CKA_TRUST_EMAIL_PROTECTION");
    if (!server.ok()) return server.status();
    if (!email.ok()) return email.status();
    auto it = by_issuer_serial.find(std::pair(*issuer, *serial));
    if (it == by_issuer_serial.end()) {
      file.trust_only.push_back({*label, *issuer, *serial, *server, *email, o->line});
      continue;
    }
    const size_t index = it->second;
    Root& root = file.roots[index];
    if (has_trust[index]) {
      return LineError(o->line, absl::StrCat("a second trust object for \"", root.label, "\""));
    }
    has_trust[index] = true;
    if (const Attribute* sha1 = o->Find("CKA_CERT_SHA1_HASH"); sha1 != nullptr) {
      if (sha1->type != "MULTILINE_OCTAL" || sha1->value != Sha(root.der, false)) {
        return LineError(sha1->line, absl::StrCat("CKA_CERT_SHA1_HASH does not match the "
                                                  "certificate \"",
                                                  root.label, "\" (line ", root.line, ")"));
      }
    }
    root.server = *server;
    root.email = *email;
    for (auto [name, field] :
         {std::pair{"CKA_NSS_SERVER_DISTRUST_AFTER", &root.server_distrust_after},
          std::pair{"CKA_NSS_EMAIL_DISTRUST_AFTER", &root.email_distrust_after}}) {
      absl::StatusOr<std::optional<int64_t>> t = ReadDistrustAfter(*o, name);
      if (!t.ok()) return t.status();
      *field = Earlier(*field, *t);
    }
  }
  for (size_t i = 0; i < file.roots.size(); ++i) {
    if (!has_trust[i]) {
      return LineError(file.roots[i].line, absl::StrCat("certificate \"", file.roots[i].label,
                                                        "\" has no trust object"));
    }
  }
  return file;
}

}  // namespace certval::certdata
