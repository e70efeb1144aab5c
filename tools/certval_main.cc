// certval: the command-line tool.
//
//   certval verify [trust and policy flags] NAME CHAIN.pem  validate a chain (leaf first) for
//                                                        NAME: --host, --ip, --email or --any-name
//   certval inspect CERT.pem [--json]                    show a certificate as the checks see it
//   certval limbo FILE [--results OUT.json]              run an x509-limbo file
//   certval pkits [DIR_OR_JSON]                          run NIST PKITS (default: vendored copy)
//   certval connect HOST:PORT [trust and policy flags]   TLS handshake, validated by certval
//   certval demo                                         the tour: every mode, on loopback
//
// Exit codes: 0 valid (or allowed by WARN / DISABLE / a hook: the output says which), 1 rejected,
// 2 usage or input error (message on stderr).
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/time.h"
#include "tls/transport.h"
#include "tools/connect.h"
#include "tools/demo.h"
#include "tools/describe.h"
#include "tools/limbo.h"
#include "tools/pkits.h"
#include "trust/mozilla_roots.h"
#include "trust/system_store.h"
#include "trust/trust_store.h"
#include "validator/checks/builtin.h"
#include "validator/text_escape.h"
#include "validator/validator.h"

ABSL_FLAG(std::vector<std::string>, roots, {}, "PEM/DER file(s) of trust anchors (repeatable)");
ABSL_FLAG(std::vector<std::string>, intermediates, {}, "PEM file(s) of untrusted intermediates");
ABSL_FLAG(std::vector<std::string>, trust_cert, {}, "PEM file(s) trusted exactly (AddCert)");
ABSL_FLAG(std::string, host, "", "expected DNS name of the peer");
ABSL_FLAG(std::string, ip, "", "expected IP address of the peer");
ABSL_FLAG(std::string, email, "", "expected email address of the peer");
ABSL_FLAG(bool, any_name, false,
          "verify: check no name, only that the chain is valid (e.g. a CA certificate); verify "
          "otherwise needs --host, --ip or --email");
ABSL_FLAG(std::string, time, "", "validation time, RFC 3339 (default: now)");
ABSL_FLAG(std::string, purpose, "serverAuth", "serverAuth | clientAuth | any");
ABSL_FLAG(std::string, profile, "webpki", "webpki | rfc5280 | rfc5280_strict (README, Profiles)");
ABSL_FLAG(int, max_depth, -1, "maximum number of intermediates (default: the library's limit)");
ABSL_FLAG(std::string, mode, "enforce", "global policy mode: enforce | warn | disable");
ABSL_FLAG(std::vector<std::string>, warn, {},
          "checks to run in WARN mode (repeatable; the names are in the usage above)");
ABSL_FLAG(std::vector<std::string>, disable, {},
          "checks to DISABLE (repeatable; the names are in the usage above)");
ABSL_FLAG(bool, json, false, "print JSON instead of text");
ABSL_FLAG(std::string, results, "", "limbo: write limbo-format results JSON here");
ABSL_FLAG(bool, system_roots, false,
          "trust the operating system's roots (SSL_CERT_FILE, SSL_CERT_DIR, distro paths)");
ABSL_FLAG(bool, mozilla_roots, false, "trust the Mozilla roots compiled into certval");
ABSL_FLAG(std::string, servername, "",
          "connect: server name (SNI) to send and check (default: HOST)");
ABSL_FLAG(bool, legacy, false,
          "connect: opt-in legacy TLS (1.0+, 3DES/CBC-SHA1, renegotiation); see tls/README.md");
ABSL_FLAG(int, timeout, 10, "connect: seconds for name resolution, the TCP connection and the handshake");

namespace certval {
namespace {

constexpr int kValid = 0, kRejected = 1, kUsage = 2;

// Messages quote file names, flag values and parser diagnoses: escaped like certificate text.
int UsageError(const std::string& message) {
  std::cerr << "certval: " << EscapeText(message) << "\n(see certval --help)\n";
  return kUsage;
}

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open file"));
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

// A file of PEM certificates, or a single DER certificate.
absl::StatusOr<std::vector<std::string>> ReadCertificates(const std::string& path) {
  auto bytes = ReadFile(path);
  if (!bytes.ok()) return bytes.status();
  if (bytes->find("-----BEGIN") != std::string::npos) {
    auto ders = DecodePemCertificates(*bytes);
    if (!ders.ok()) return absl::InvalidArgumentError(absl::StrCat(path, ": ", ders.status().message()));
    return ders;
  }
  if (bytes->empty()) return absl::InvalidArgumentError(absl::StrCat(path, ": empty file"));
  return std::vector<std::string>{*std::move(bytes)};
}

// Repeatable list flags: absl keeps the last occurrence, the tool wants them all. Merge every
// `--name=a --name b` into one `--name=a,b` before absl parses.
std::vector<char*> MergeListFlags(int argc, char** argv, std::vector<std::string>* storage) {
  static const char* kLists[] = {"roots", "intermediates", "trust_cert", "warn", "disable"};
  std::vector<std::string> rest;
  std::vector<std::vector<std::string>> values(std::size(kLists));
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    bool matched = false;
    for (size_t k = 0; k < std::size(kLists); ++k) {
      std::string flag = absl::StrCat("--", kLists[k]);
      if (arg == flag && i + 1 < argc) {
        values[k].push_back(argv[++i]);
        matched = true;
      } else if (arg.rfind(flag + "=", 0) == 0) {
        values[k].push_back(arg.substr(flag.size() + 1));
        matched = true;
      }
    }
    if (!matched) rest.push_back(arg);
  }
  storage->push_back(argv[0]);
  for (size_t k = 0; k < std::size(kLists); ++k) {
    if (!values[k].empty()) {
      storage->push_back(absl::StrCat("--", kLists[k], "=", absl::StrJoin(values[k], ",")));
    }
  }
  storage->insert(storage->end(), rest.begin(), rest.end());
  std::vector<char*> out;
  for (std::string& s : *storage) out.push_back(s.data());
  return out;
}

std::string CheckNames() { return absl::StrJoin(BuiltinPolicyNames(), ", "); }

// A misspelt check name must not leave that check enforced while the user believes otherwise, nor
// surface later as a rejection: it is a usage error naming the checks.
absl::StatusOr<Policy> PolicyFromFlags() {
  auto global = ParseMode(absl::GetFlag(FLAGS_mode));
  if (!global.ok()) return global.status();
  Policy policy(*global);
  const auto& known = BuiltinPolicyNames();
  for (const auto& [flag, names, mode] :
       {std::make_tuple("--warn", absl::GetFlag(FLAGS_warn), Mode::kWarn),
        std::make_tuple("--disable", absl::GetFlag(FLAGS_disable), Mode::kDisable)}) {
    for (const std::string& c : names) {
      if (std::find(known.begin(), known.end(), c) == known.end()) {
        return absl::InvalidArgumentError(absl::StrCat(flag, " '", c,
                                                       "': no check has that name; the checks are: ",
                                                       CheckNames()));
      }
      policy.Set(c, mode);
    }
  }
  return policy;
}

// The validator the flags describe; a configuration it refuses is a usage error (exit 2).
absl::StatusOr<Validator> ValidatorFromFlags(std::shared_ptr<TrustStore> store) {
  auto policy = PolicyFromFlags();
  if (!policy.ok()) return policy.status();
  ValidatorOptions options;
  options.policy = *std::move(policy);
  options.warning_sink = std::make_shared<NullWarningSink>();  // warnings are in the output
  return Validator::Create(std::move(store), std::move(options));
}

absl::StatusOr<ValidationRequest> RequestFromFlags(const std::vector<std::string>& chain) {
  ValidationRequest request;
  request.leaf = chain.front();
  request.intermediates.assign(chain.begin() + 1, chain.end());
  for (const std::string& path : absl::GetFlag(FLAGS_intermediates)) {
    auto certs = ReadCertificates(path);
    if (!certs.ok()) return certs.status();
    request.intermediates.insert(request.intermediates.end(), certs->begin(), certs->end());
  }
  int names = 0;
  if (!absl::GetFlag(FLAGS_host).empty()) request.peer_name = PeerName::Dns(absl::GetFlag(FLAGS_host)), ++names;
  if (!absl::GetFlag(FLAGS_ip).empty()) request.peer_name = PeerName::Ip(absl::GetFlag(FLAGS_ip)), ++names;
  if (!absl::GetFlag(FLAGS_email).empty()) request.peer_name = PeerName::Email(absl::GetFlag(FLAGS_email)), ++names;
  if (absl::GetFlag(FLAGS_any_name)) request.peer_name = PeerName::Any(), ++names;
  if (names > 1) return absl::InvalidArgumentError("give at most one of --host, --ip, --email, --any-name");
  if (std::string t = absl::GetFlag(FLAGS_time); !t.empty()) {
    absl::Time when;
    std::string err;
    if (!absl::ParseTime(absl::RFC3339_full, t, &when, &err)) {
      return absl::InvalidArgumentError(absl::StrCat("--time '", t, "': ", err));
    }
    request.time = when;
  }
  std::string purpose = absl::GetFlag(FLAGS_purpose);
  if (purpose == "serverAuth") request.purpose = Purpose::kServerAuth;
  else if (purpose == "clientAuth") request.purpose = Purpose::kClientAuth;
  else if (purpose == "any") request.purpose = Purpose::kAny;
  else return absl::InvalidArgumentError(absl::StrCat("--purpose '", purpose, "': expected serverAuth, clientAuth or any"));
  std::string profile = absl::GetFlag(FLAGS_profile);
  bool profile_known = false;
  for (Profile p : {Profile::kWebPki, Profile::kRfc5280, Profile::kRfc5280Strict}) {
    if (profile == ProfileName(p)) request.profile = p, profile_known = true;
  }
  if (!profile_known) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--profile '", profile, "': expected webpki, rfc5280 or rfc5280_strict"));
  }
  if (int depth = absl::GetFlag(FLAGS_max_depth); depth >= 0) request.max_depth = depth;
  return request;
}

// The trust store the flags describe: --system_roots and/or --mozilla_roots as a base, then every
// --roots anchor and --trust_cert certificate. Shared by verify and connect.
absl::StatusOr<std::shared_ptr<TrustStore>> TrustFromFlags() {
  std::shared_ptr<TrustStore> store = std::make_shared<TrustStore>();
  if (absl::GetFlag(FLAGS_system_roots)) {
    auto system = SystemTrustStore();
    if (!system.ok()) {
      return absl::Status(system.status().code(),
                          absl::StrCat("--system_roots: ", system.status().message()));
    }
    store = *std::move(system);
  }
  if (absl::GetFlag(FLAGS_mozilla_roots)) {
    const MozillaRootSet& mozilla = MozillaRoots();
    if (mozilla.roots.empty()) return absl::NotFoundError("--mozilla_roots: no root compiled in");
    store->AddRoots(mozilla.roots);
  }
  for (const std::string& path : absl::GetFlag(FLAGS_roots)) {
    auto certs = ReadCertificates(path);
    if (!certs.ok()) return certs.status();
    for (std::string& der : *certs) {
      if (auto s = store->AddRootDer(std::move(der)); !s.ok()) {
        return absl::InvalidArgumentError(absl::StrCat(path, ": ", s.message()));
      }
    }
  }
  for (const std::string& path : absl::GetFlag(FLAGS_trust_cert)) {
    auto certs = ReadCertificates(path);
    if (!certs.ok()) return certs.status();
    for (std::string& der : *certs) {
      if (auto s = store->AddCertDer(std::move(der)); !s.ok()) {
        return absl::InvalidArgumentError(absl::StrCat(path, ": ", s.message()));
      }
    }
  }
  return store;
}

int Verify(const std::vector<std::string>& args) {
  if (args.size() != 1) return UsageError("verify takes exactly one CHAIN.pem");
  auto chain = ReadCertificates(args[0]);
  if (!chain.ok()) return UsageError(std::string(chain.status().message()));
  auto store = TrustFromFlags();
  if (!store.ok()) return UsageError(std::string(store.status().message()));
  auto validator = ValidatorFromFlags(*std::move(store));
  if (!validator.ok()) return UsageError(std::string(validator.status().message()));
  auto request = RequestFromFlags(*chain);
  if (!request.ok()) return UsageError(std::string(request.status().message()));
  // A chain valid for some name proves nothing about the peer: say which, or that none matters.
  if (request->peer_name.kind == PeerName::Kind::kNone) {
    return UsageError(
        "verify needs the name the peer must have: --host NAME, --ip ADDRESS or --email ADDRESS "
        "(or --any-name to check the chain alone)");
  }
  ValidationResult result = validator->Validate(*request);
  if (absl::GetFlag(FLAGS_json)) {
    std::cout << DumpJson(ResultJson(result)) << "\n";
  } else {
    std::cout << ResultText(result);
  }
  return result.valid ? kValid : kRejected;
}

int Inspect(const std::vector<std::string>& args) {
  if (args.size() != 1) return UsageError("inspect takes exactly one CERT.pem");
  auto certs = ReadCertificates(args[0]);
  if (!certs.ok()) return UsageError(std::string(certs.status().message()));
  nlohmann::json all = nlohmann::json::array();
  for (size_t i = 0; i < certs->size(); ++i) {
    auto cert = Certificate::Parse((*certs)[i]);
    if (!cert.ok()) {
      return UsageError(absl::StrCat(args[0], ": certificate #", i + 1, ": ", cert.status().message()));
    }
    all.push_back(CertificateJson(**cert));
  }
  std::cout << DumpJson(all.size() == 1 ? all[0] : all) << "\n";
  return kValid;
}

int Limbo(const std::vector<std::string>& args) {
  if (args.size() > 1) return UsageError("limbo takes at most one FILE");
  std::string path = args.empty() ? DefaultLimboPath() : args[0];
  auto report = RunLimboFile(path);
  if (!report.ok()) return UsageError(std::string(report.status().message()));
  std::cout << report->Summary();
  if (std::string out = absl::GetFlag(FLAGS_results); !out.empty()) {
    std::ofstream file(out);
    if (!(file << report->ResultsJson())) return UsageError(absl::StrCat(out, ": cannot write"));
  }
  return report->false_accepts.empty() ? kValid : kRejected;
}

int Pkits(const std::vector<std::string>& args) {
  if (args.size() > 1) return UsageError("pkits takes at most one DIR or pkits.json");
  auto report = RunPkits(args.empty() ? DefaultPkitsPath() : args[0]);
  if (!report.ok()) return UsageError(std::string(report.status().message()));
  std::cout << report->Summary();
  return report->false_accepts.empty() ? kValid : kRejected;
}

int Connect(const std::vector<std::string>& args) {
  if (args.size() != 1) return UsageError("connect takes exactly one HOST:PORT");
  ConnectConfig config;
  if (auto s = tls::SplitHostPort(args[0], &config.host, &config.port); !s.ok()) {
    return UsageError(std::string(s.message()));
  }
  auto store = TrustFromFlags();
  if (!store.ok()) return UsageError(std::string(store.status().message()));
  auto validator = ValidatorFromFlags(*std::move(store));
  if (!validator.ok()) return UsageError(std::string(validator.status().message()));
  // A server always has a name to prove (the flags, else --servername or HOST).
  if (absl::GetFlag(FLAGS_any_name)) {
    return UsageError("--any-name is for verify; connect checks --host/--ip/--email, else the server name");
  }
  // No certificates yet: the handshake supplies them. This reads every other request flag.
  auto request = RequestFromFlags({std::string()});
  if (!request.ok()) return UsageError(std::string(request.status().message()));
  if (absl::GetFlag(FLAGS_timeout) <= 0) {
    return UsageError("--timeout must be a positive number of seconds");
  }
  config.validator = std::make_shared<const Validator>(*std::move(validator));
  config.request = *std::move(request);
  config.servername = absl::GetFlag(FLAGS_servername);
  config.legacy = absl::GetFlag(FLAGS_legacy);
  config.timeout = absl::Seconds(absl::GetFlag(FLAGS_timeout));
  auto report = RunConnect(config);
  const std::string target = tls::JoinHostPort(config.host, config.port);
  if (!report.ok()) {
    std::string message(report.status().message());  // network errors name host:port already
    if (!absl::StartsWith(message, target)) message = absl::StrCat(target, ": ", message);
    std::cerr << "certval: connect " << EscapeText(message) << "\n";
    return kUsage;
  }
  if (absl::GetFlag(FLAGS_json)) {
    std::cout << DumpJson(ConnectJson(*report)) << "\n";
  } else {
    std::cout << ConnectText(*report);
  }
  int code = ConnectExitCode(*report);
  if (code == kUsage) {
    std::cerr << "certval: connect " << EscapeText(target) << ": no verdict: "
              << (report->dial.handshake.ok ? "no validation ran"
                                            : EscapeText(report->dial.handshake.error))
              << "\n";
  }
  return code;
}

int Demo(const std::vector<std::string>& args) {
  if (!args.empty()) return UsageError("demo takes no arguments");
  return RunDemo(std::cout);
}

// Accept --system-roots for --system_roots (and so on): absl spells flags with underscores only.
void NormalizeFlagDashes(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--") == 0) return;  // positional arguments follow
    if (std::strncmp(argv[i], "--", 2) != 0) continue;
    for (char* c = argv[i] + 2; *c != '\0' && *c != '='; ++c) {
      if (*c == '-') *c = '_';
    }
  }
}

// absl reports a bad flag (unknown, malformed value) and then calls exit(1), which would read as
// "rejected". While parsing, any exit is a usage error: turn it into 2.
bool g_parsing_flags = false;
void ExitTwoIfParsing() {
  if (!g_parsing_flags) return;
  std::fflush(nullptr);
  std::cout.flush();
  std::_Exit(kUsage);
}

}  // namespace
}  // namespace certval

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(absl::StrCat(
      "certval verify|inspect|limbo|pkits|connect|demo [flags] ARGS\n"
      "  verify [--roots F]... [--intermediates F]... --host N|--ip A|--email E|--any-name\n"
      "         [--time T] [--purpose P] [--profile P] [--max_depth N] [--mode M]\n"
      "         [--warn C]... [--disable C]... [--json] CHAIN.pem\n"
      "  inspect CERT.pem\n"
      "  limbo [FILE] [--results OUT.json]\n"
      "  pkits [DIR_OR_JSON]\n"
      "  connect HOST:PORT [verify's trust and policy flags] [--system-roots|--mozilla-roots]\n"
      "         [--servername NAME] [--legacy] [--timeout SECONDS] [--json]\n"
      "  demo\n"
      "verify and connect also take --system-roots and --mozilla-roots.\n"
      "verify checks the peer's name: --any-name says explicitly that no name is checked.\n"
      "Checks C for --warn and --disable: ", certval::CheckNames(), ".\n"
      "Exit: 0 valid, 1 rejected, 2 usage or input error."));
  certval::NormalizeFlagDashes(argc, argv);
  std::vector<std::string> storage;
  std::vector<char*> merged = certval::MergeListFlags(argc, argv, &storage);
  std::atexit(certval::ExitTwoIfParsing);
  certval::g_parsing_flags = true;
  std::vector<char*> positional = absl::ParseCommandLine(static_cast<int>(merged.size()), merged.data());
  certval::g_parsing_flags = false;
  if (positional.size() < 2) return certval::UsageError("missing subcommand");
  std::string command = positional[1];
  std::vector<std::string> args(positional.begin() + 2, positional.end());
  if (command == "verify") return certval::Verify(args);
  if (command == "inspect") return certval::Inspect(args);
  if (command == "limbo") return certval::Limbo(args);
  if (command == "pkits") return certval::Pkits(args);
  if (command == "connect") return certval::Connect(args);
  if (command == "demo") return certval::Demo(args);
  return certval::UsageError("unknown subcommand '" + command + "'");
}
