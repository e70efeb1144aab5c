// certval: the command-line tool.
//
//   certval verify [trust and policy flags] NAME CHAIN     validate a chain (leaf first) for NAME:
//                                                        --host, --ip, --email or --any-name
//   certval inspect CERTS [--json] [--time T]            show certificates, for people or programs
//   certval limbo [FILE] [--results OUT.json]            run an x509-limbo file
//   certval pkits [DIR_OR_JSON | -]                      run NIST PKITS (default: vendored copy)
//   certval connect HOST:PORT [trust and policy flags]   TLS handshake, validated by certval
//   certval demo                                         the tour: every mode, on loopback
//   certval help | --help, certval --version
//
// Exit codes: 0 valid (or allowed by WARN / DISABLE / a hook: the output says which), 1 rejected,
// 2 usage or input error: the message goes to stderr, or with --json to stdout as
// {"error": {"code": "usage" | "input" | "connect", "message": "..."}}.
#include <idn2.h>
#include <openssl/base.h>
#include <openssl/crypto.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "certval/tls/transport.h"
#include "certval/trust/mozilla_roots.h"
#include "certval/trust/system_store.h"
#include "certval/trust/trust_store.h"
#include "certval/validator/checks/builtin.h"
#include "certval/validator/idna.h"
#include "certval/validator/ip_address.h"
#include "certval/validator/text_escape.h"
#include "certval/validator/validator.h"
#include "certval/validator/version.h"
#include "tools/args.h"
#include "tools/boringssl_revision.h"
#include "tools/connect.h"
#include "tools/demo.h"
#include "tools/describe.h"
#include "tools/fetch_report.h"
#include "tools/inputs.h"
#include "tools/inspect.h"
#include "tools/limbo.h"
#include "tools/pkits.h"
#include "tools/revocation.h"
#include "tools/roots.h"

ABSL_FLAG(std::vector<std::string>, roots, {},
          "trust anchors: PEM/DER files, directories of them, or -");
ABSL_FLAG(std::vector<std::string>, intermediates, {},
          "untrusted intermediates: PEM/DER files, directories, or -");
ABSL_FLAG(std::vector<std::string>, trust_cert, {},
          "certificates trusted exactly (AddCert): files, directories, or -");
ABSL_FLAG(std::string, host, "",
          "expected DNS name of the peer (U-labels converted with IDNA 2008)");
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
ABSL_FLAG(bool, json, false, "print JSON instead of text, errors included");
ABSL_FLAG(std::string, results, "", "limbo: write limbo-format results JSON here");
ABSL_FLAG(bool, system_roots, false,
          "trust the operating system's roots (SSL_CERT_FILE, SSL_CERT_DIR, distro paths)");
ABSL_FLAG(bool, mozilla_roots, false, "trust the Mozilla roots compiled into certval");
ABSL_FLAG(std::string, root_store, "",
          "a root-store file (docs/root-store.md): anchors with constraints, exclusions; added "
          "before the other trust sources");
ABSL_FLAG(std::string, servername, "",
          "connect: server name (SNI) to send and check (default: HOST)");
ABSL_FLAG(bool, legacy, false,
          "connect: opt-in legacy TLS (1.0+, 3DES/CBC-SHA1, renegotiation); see tls/README.md");
ABSL_FLAG(int, timeout, 10,
          "connect: seconds for name resolution, the TCP connection and the handshake");
ABSL_FLAG(std::vector<std::string>, crl, {}, "revocation: CRL files (PEM or DER; repeatable)");
ABSL_FLAG(std::vector<std::string>, ocsp, {}, "revocation: OCSP response files (DER; repeatable)");
ABSL_FLAG(std::string, revocation_set, "",
          "revocation: a pushed revocation set file (docs/revocation-set.md)");
ABSL_FLAG(
    std::string, revocation, "chain",
    "revocation: which certificates need a status: leaf | chain (every one below the anchor)");
ABSL_FLAG(std::string, unknown, "soft",
          "revocation: a certificate no source covers: soft (a warning) | hard (an error)");
ABSL_FLAG(std::vector<std::string>, issuers, {},
          "revocation build: the CA certificates whose CRLs are given (files or directories)");
ABSL_FLAG(std::vector<std::string>, blocked_cert, {},
          "revocation build: certificates whose keys the set blocks (files or directories)");
ABSL_FLAG(std::string, out, "", "revocation build: the file to write");
ABSL_FLAG(int64_t, sequence, 0, "revocation build: the set's sequence number (newer sets: larger)");

namespace certval {
namespace {

constexpr int kValid = 0, kRejected = 1, kUsage = 2;

// Set from --json as soon as argv is scanned, so that even a bad flag is reported in JSON.
bool g_json_output = false;

// Every error leaves through here, in one shape. Messages quote file names, flag values and parser
// diagnoses: escaped like certificate text.
int Fail(const char* code, const std::string& message) {
  if (g_json_output) {
    std::cout << DumpJson({{"error", {{"code", code}, {"message", EscapeText(message)}}}}) << "\n";
  } else {
    std::cerr << "certval: " << EscapeText(message) << "\n";
    if (std::strcmp(code, "usage") == 0) std::cerr << "(see certval --help)\n";
  }
  return kUsage;
}

// A command line the tool cannot act on: unknown subcommand or flag, bad flag value, wrong
// arguments.
int UsageError(absl::string_view message) { return Fail("usage", std::string(message)); }
// Named input that is not usable: missing, unreadable, not certificates, too large, too many.
int InputError(absl::string_view message) { return Fail("input", std::string(message)); }

// One reader per process: standard input ("-") can be consumed only once.
InputReader& Inputs() {
  static InputReader* reader = new InputReader();
  return *reader;
}

std::string CheckNames() { return absl::StrJoin(BuiltinPolicyNames(), ", "); }

std::string Usage() {
  return absl::StrCat(
      "usage: certval verify|inspect|limbo|pkits|connect|revocation|roots|demo|help [flags] ARGS\n"
      "  verify [--roots F]... [--intermediates F]... --host N|--ip A|--email E|--any-name\n"
      "         [--time T] [--purpose P] [--profile P] [--max_depth N] [--mode M]\n"
      "         [--warn C]... [--disable C]... [--crl F]... [--ocsp F]... [--revocation-set F]\n"
      "         [--revocation leaf|chain] [--unknown soft|hard] [--fetch] [--json] CHAIN\n"
      "  inspect CERTS [--json] [--time T]\n"
      "  limbo [FILE] [--results OUT.json]\n"
      "  pkits [DIR_OR_JSON | -]   (-: pkits.json on stdin, its files from the current directory)\n"
      "  connect HOST:PORT [verify's trust and policy flags] [--servername NAME] [--legacy]\n"
      "         [--timeout SECONDS] [--json]\n"
      "  revocation build --issuers F... [--blocked-cert F]... [--sequence N] --out FILE CRL...\n"
      "  roots     the built-in and system anchors with trust bits and dates, and their diff\n"
      "  demo\n"
      "  help, --help; --version\n"
      "\n"
      "Inputs: CHAIN is a file of PEM certificates, leaf first, or one DER certificate, or - for\n"
      "standard input. Wherever several certificates are read (--roots, --intermediates,\n"
      "--trust-cert, inspect) a directory works too: every PEM/DER file in it.\n"
      "Trust: with no --roots, --trust-cert, --system-roots or --mozilla-roots, verify and "
      "connect\n"
      "use the system store (SSL_CERT_FILE, SSL_CERT_DIR, then the distribution's bundle); the\n"
      "output names the store. --root-store F adds a root-store file (docs/root-store.md) before\n"
      "them: private anchors with constraints, exclusions of other roots.\n"
      "Names: verify checks the peer's name; --any-name says explicitly that no name is checked.\n"
      "--host takes internationalized names (bücher.example), converted with IDNA 2008.\n"
      "Checks C for --warn and --disable: ",
      CheckNames(),
      ".\n"
      "Exit: 0 valid, 1 rejected, 2 usage or input error (not certificates at all, unreadable, "
      "too\n"
      "large, more certificates than a validation takes). With --json, errors are printed to\n"
      "stdout as {\"error\": {\"code\": \"usage\"|\"input\"|\"connect\", \"message\": "
      "\"...\"}}.\n");
}

int Help() {
  std::cout << Usage() << "\nflags:\n" << FlagsHelp();
  return kValid;
}

int Version() {
  std::cout << "certval " << kVersion << "\n"
            << "crypto: " << OpenSSL_version(OPENSSL_VERSION) << " (API version "
            << BORINGSSL_API_VERSION << "), linked statically; certval's vendored copy is revision "
            << CERTVAL_BORINGSSL_REVISION << "\n"
            << "IDNA: libidn2 " << idn2_check_version(nullptr) << "\n"
            << "Mozilla roots built in: " << MozillaRootCount() << ", from NSS certdata.txt, "
            << MozillaRootsVersion() << "\n";
  return kValid;
}

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
        return absl::InvalidArgumentError(absl::StrCat(
            flag, " '", c, "': no check has that name; the checks are: ", CheckNames()));
      }
      policy.Set(c, mode);
    }
  }
  return policy;
}

// The validator the flags describe; a configuration it refuses is a usage error (exit 2).
// --revocation and --unknown; a bad value is a usage error.
absl::StatusOr<RevocationPolicy> RevocationPolicyFromFlags() {
  RevocationPolicy policy;
  const std::string scope = absl::GetFlag(FLAGS_revocation);
  if (scope == "leaf") {
    policy.scope = RevocationScope::kLeaf;
  } else if (scope != "chain") {
    return absl::InvalidArgumentError(absl::StrCat("--revocation '", scope, "': leaf or chain"));
  }
  const std::string unknown = absl::GetFlag(FLAGS_unknown);
  if (unknown == "hard") {
    policy.unknown = UnknownStatus::kHardFail;
  } else if (unknown != "soft") {
    return absl::InvalidArgumentError(absl::StrCat("--unknown '", unknown, "': soft or hard"));
  }
  return policy;
}

// --crl, --ocsp and --revocation-set, read into the request and the sources; input errors.
absl::Status RevocationInputsFromFlags(
    ValidationRequest* request, std::vector<std::shared_ptr<const RevocationSource>>* sources) {
  for (const std::string& path : absl::GetFlag(FLAGS_crl)) {
    auto crls = ReadCrlFile(path);
    if (!crls.ok())
      return absl::Status(crls.status().code(), absl::StrCat("--crl ", crls.status().message()));
    request->crls.insert(request->crls.end(), crls->begin(), crls->end());
  }
  for (const std::string& path : absl::GetFlag(FLAGS_ocsp)) {
    auto response = ReadOcspFile(path);
    if (!response.ok()) {
      return absl::Status(response.status().code(),
                          absl::StrCat("--ocsp ", response.status().message()));
    }
    request->ocsp_responses.push_back(*std::move(response));
  }
  if (std::string path = absl::GetFlag(FLAGS_revocation_set); !path.empty()) {
    auto set = RevocationSet::LoadFile(path);
    if (!set.ok()) {
      return absl::Status(set.status().code(),
                          absl::StrCat("--revocation-set ", path, ": ", set.status().message()));
    }
    sources->push_back(*std::move(set));
  }
  return absl::OkStatus();
}

absl::StatusOr<Validator> ValidatorFromFlags(
    std::shared_ptr<const TrustSource> store,
    std::vector<std::shared_ptr<const RevocationSource>> revocation_sources = {}) {
  auto policy = PolicyFromFlags();
  if (!policy.ok()) return policy.status();
  auto revocation = RevocationPolicyFromFlags();
  if (!revocation.ok()) return revocation.status();
  ValidatorOptions options;
  options.policy = *std::move(policy);
  options.revocation = *revocation;
  options.revocation_sources = std::move(revocation_sources);
  options.warning_sink = std::make_shared<NullWarningSink>();  // warnings are in the output
  ApplyFetchFlag(&options);
  return Validator::Create(std::move(store), std::move(options));
}

// --host as the A-label form certificates carry; a U-label name that IDNA 2008 refuses is a usage
// error.
absl::StatusOr<std::string> HostFromFlag(const std::string& host) {
  absl::StatusOr<std::string> ascii = ToAsciiHostName(host);
  if (!ascii.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("--host '", host, "': ", ascii.status().message()));
  }
  return ascii;
}

absl::StatusOr<ValidationRequest> RequestFromFlags(const std::vector<std::string>& chain) {
  ValidationRequest request;
  request.leaf = chain.front();
  request.intermediates.assign(chain.begin() + 1, chain.end());
  int names = 0;
  if (!absl::GetFlag(FLAGS_host).empty()) {
    auto host = HostFromFlag(absl::GetFlag(FLAGS_host));
    if (!host.ok()) return host.status();
    request.peer_name = PeerName::Dns(*std::move(host)), ++names;
  }
  if (!absl::GetFlag(FLAGS_ip).empty())
    request.peer_name = PeerName::Ip(absl::GetFlag(FLAGS_ip)), ++names;
  if (!absl::GetFlag(FLAGS_email).empty())
    request.peer_name = PeerName::Email(absl::GetFlag(FLAGS_email)), ++names;
  if (absl::GetFlag(FLAGS_any_name)) request.peer_name = PeerName::Any(), ++names;
  if (names > 1)
    return absl::InvalidArgumentError("give at most one of --host, --ip, --email, --any-name");
  if (std::string t = absl::GetFlag(FLAGS_time); !t.empty()) {
    absl::Time when;
    std::string err;
    if (!absl::ParseTime(absl::RFC3339_full, t, &when, &err)) {
      return absl::InvalidArgumentError(absl::StrCat("--time '", t, "': ", err));
    }
    request.time = when;
  }
  std::string purpose = absl::GetFlag(FLAGS_purpose);
  if (purpose == "serverAuth")
    request.purpose = Purpose::kServerAuth;
  else if (purpose == "clientAuth")
    request.purpose = Purpose::kClientAuth;
  else if (purpose == "any")
    request.purpose = Purpose::kAny;
  else
    return absl::InvalidArgumentError(
        absl::StrCat("--purpose '", purpose, "': expected serverAuth, clientAuth or any"));
  std::string profile = absl::GetFlag(FLAGS_profile);
  bool profile_known = false;
  for (Profile p : {Profile::kWebPki, Profile::kRfc5280, Profile::kRfc5280Strict}) {
    if (profile == ProfileName(p)) request.profile = p, profile_known = true;
  }
  if (!profile_known) {
    return absl::InvalidArgumentError(
        absl::StrCat("--profile '", profile, "': expected webpki, rfc5280 or rfc5280_strict"));
  }
  if (int depth = absl::GetFlag(FLAGS_max_depth); depth >= 0) request.max_depth = depth;
  return request;
}

// The request's certificates, once read: the chain's, then --intermediates'.
struct ChainInput {
  std::vector<std::string> ders;
  size_t from_chain = 0;
};

// Reads the --intermediates files (after `chain`, if any) and holds the whole to the library's
// input limits: more than a validation takes is a mistake in the command (a bundle of roots given
// as the chain, say), not a certificate to reject.
absl::StatusOr<ChainInput> ReadChainInput(const std::string* chain_path) {
  ChainInput input;
  if (chain_path != nullptr) {
    ReadOptions options;
    options.refuse_directory =
        "the chain is one file (or -), leaf first: give further certificates with "
        "--intermediates FILE_OR_DIR";
    auto chain = Inputs().Read(*chain_path, options);
    if (!chain.ok()) return chain.status();
    for (InputCertificate& c : chain->certs) input.ders.push_back(std::move(c.der));
    input.from_chain = input.ders.size();
  }
  for (const std::string& path : absl::GetFlag(FLAGS_intermediates)) {
    auto certs = Inputs().Read(path);
    if (!certs.ok()) return certs.status();
    for (InputCertificate& c : certs->certs) input.ders.push_back(std::move(c.der));
  }
  const Limits limits = ValidatorOptions().limits;  // ValidatorFromFlags keeps the defaults
  size_t bytes = 0;
  for (const std::string& der : input.ders) bytes += der.size();
  const std::string what = absl::StrCat(
      chain_path != nullptr ? absl::StrCat(InputName(*chain_path), " (", input.from_chain, ")")
                            : "",
      chain_path != nullptr && input.ders.size() > input.from_chain ? " and " : "",
      input.ders.size() > input.from_chain
          ? absl::StrCat("--intermediates (", input.ders.size() - input.from_chain, ")")
          : "");
  if (input.ders.size() > static_cast<size_t>(limits.max_input_certificates)) {
    return absl::FailedPreconditionError(
        absl::StrCat(input.ders.size(), " certificates given in ", what,
                     "; a validation takes at most ", limits.max_input_certificates,
                     ". A bundle of trusted roots is given with --roots, not as the chain"));
  }
  if (bytes > limits.max_input_bytes) {
    return absl::FailedPreconditionError(absl::StrCat("the certificates given in ", what, " total ",
                                                      bytes, " bytes; a validation takes at most ",
                                                      limits.max_input_bytes));
  }
  return input;
}

struct Trust {
  std::shared_ptr<TrustStore> store;
  std::shared_ptr<const TrustSource> source;  // `store`, or a root-store file layered over it
  TrustSummary summary;
};

std::string CountOf(size_t n, absl::string_view one, absl::string_view many) {
  return absl::StrCat(n, " ", n == 1 ? one : many);
}

// The trust store the flags describe: --system-roots and/or --mozilla-roots as a base, then every
// --roots anchor and --trust-cert certificate; with none of them, the system store. Errors are
// input errors. Shared by verify and connect.
absl::StatusOr<Trust> TrustFromFlags() {
  Trust trust;
  trust.store = std::make_shared<TrustStore>();
  std::vector<std::string> parts;
  nlohmann::json sources = nlohmann::json::array();
  const std::vector<std::string> roots = absl::GetFlag(FLAGS_roots);
  const std::vector<std::string> exact = absl::GetFlag(FLAGS_trust_cert);
  const bool system_flag = absl::GetFlag(FLAGS_system_roots);
  const bool mozilla_flag = absl::GetFlag(FLAGS_mozilla_roots);
  trust.summary.system_default = !system_flag && !mozilla_flag && roots.empty() && exact.empty();
  if (system_flag || trust.summary.system_default) {
    const SystemStoreOptions options;
    const char* why = trust.summary.system_default
                          ? "no trust flag given, so the system store is used"
                          : "--system-roots";
    auto location = FindSystemStore(options);
    if (!location.ok()) {
      return absl::NotFoundError(absl::StrCat(
          why, ": ", location.status().message(),
          trust.summary.system_default ? "; give roots with --roots FILE|DIR, or set SSL_CERT_FILE"
                                       : ""));
    }
    auto loaded = LoadSystemStoreLocation(*location, *trust.store, options.load);
    if (!loaded.ok())
      return absl::NotFoundError(absl::StrCat(why, ": ", loaded.status().message()));
    std::vector<std::string> paths = location->files;
    paths.insert(paths.end(), location->directories.begin(), location->directories.end());
    std::string where = EscapeText(absl::StrJoin(paths, ", "));
    if (location->origin != "default") where = absl::StrCat("$", location->origin, " = ", where);
    parts.push_back(
        absl::StrCat("system store ", where,
                     trust.summary.system_default ? " (default: no trust flag given)" : ""));
    nlohmann::json escaped_paths = nlohmann::json::array();
    for (const std::string& p : paths) escaped_paths.push_back(EscapeText(p));
    sources.push_back({{"kind", "system"},
                       {"origin", location->origin},
                       {"paths", escaped_paths},
                       {"default", trust.summary.system_default},
                       {"certificates", loaded->added + loaded->duplicates}});
  }
  if (mozilla_flag) {
    const MozillaRootSet& mozilla = MozillaRoots();
    if (mozilla.roots.empty()) return absl::NotFoundError("--mozilla-roots: no root compiled in");
    trust.store->AddRoots(mozilla.roots);
    parts.push_back(absl::StrCat("Mozilla roots built in (", mozilla.version, ")"));
    sources.push_back({{"kind", "mozilla"},
                       {"version", mozilla.version},
                       {"certificates", mozilla.roots.size()}});
  }
  size_t exact_count = 0;
  for (const auto& [flag, paths, anchor] :
       {std::make_tuple("--roots", roots, true), std::make_tuple("--trust-cert", exact, false)}) {
    for (const std::string& path : paths) {
      ReadOptions options;
      options.require_parse = true;  // an anchor that does not parse is no anchor
      auto certs = Inputs().Read(path, options);
      if (!certs.ok())
        return absl::Status(certs.status().code(),
                            absl::StrCat(flag, ": ", certs.status().message()));
      for (const InputCertificate& c : certs->certs) {
        absl::Status s = anchor ? trust.store->AddRootDer(c.der) : trust.store->AddCertDer(c.der);
        if (!s.ok())
          return absl::FailedPreconditionError(absl::StrCat(c.origin, ": ", s.message()));
      }
      if (!anchor) exact_count += certs->certs.size();
      std::string part = absl::StrCat(flag, " ", EscapeText(InputName(path)));
      if (!certs->notes.empty()) {
        absl::StrAppend(&part, " (", CountOf(certs->notes.size(), "entry", "entries"), " skipped)");
      }
      parts.push_back(std::move(part));
      sources.push_back({{"kind", anchor ? "roots" : "trust_cert"},
                         {"paths", {EscapeText(InputName(path))}},
                         {"certificates", certs->certs.size()},
                         {"skipped", certs->notes.size()}});
    }
  }
  trust.source = trust.store;
  if (const std::string root_store = absl::GetFlag(FLAGS_root_store); !root_store.empty()) {
    std::string part;
    auto layered = LayerRootStoreFile(root_store, trust.store, &part);
    if (!layered.ok()) return layered.status();
    trust.source = *std::move(layered);
    parts.insert(parts.begin(), std::move(part));
    sources.insert(sources.begin(), {{"kind", "root_store"}, {"paths", {EscapeText(root_store)}}});
  }
  trust.summary.roots = trust.store->root_count();
  trust.summary.text = absl::StrCat(absl::StrJoin(parts, " + "), "; ",
                                    CountOf(trust.summary.roots, "root", "roots"));
  if (exact_count > 0) {
    absl::StrAppend(&trust.summary.text, ", ", CountOf(exact_count, "certificate", "certificates"),
                    " trusted exactly");
  }
  trust.summary.json = {{"sources", sources},
                        {"roots", trust.summary.roots},
                        {"trusted_certificates", exact_count},
                        {"system_default", trust.summary.system_default}};
  return trust;
}

// The name verify checks, for the output; an IDNA conversion shows what was typed.
std::string CheckedNameText(const PeerName& name) {
  switch (name.kind) {
    case PeerName::Kind::kAny:
      return "any (--any-name: no name is checked)";
    case PeerName::Kind::kNone:
      return "none";
    default:
      break;
  }
  std::string text = EscapeText(name.value);
  const std::string& typed = absl::GetFlag(FLAGS_host);
  if (name.kind == PeerName::Kind::kDns && absl::AsciiStrToLower(typed) != name.value) {
    absl::StrAppend(&text, " (IDNA 2008 form of ", EscapeText(typed), ")");
  }
  return text;
}

// What verify and connect validate with: the trust the flags describe and a Validator over it
// with the --revocation-set source; --crl and --ocsp are read into `request`.
struct Verifier {
  Trust trust;
  Validator validator;
};

// nullopt after reporting the failure (input or usage error), with its exit code in `exit_code`.
std::optional<Verifier> VerifierFromFlags(ValidationRequest* request, int* exit_code) {
  std::vector<std::shared_ptr<const RevocationSource>> sources;
  if (absl::Status s = RevocationInputsFromFlags(request, &sources); !s.ok()) {
    *exit_code = InputError(s.message());
    return std::nullopt;
  }
  absl::StatusOr<Trust> trust = TrustFromFlags();
  if (!trust.ok()) {
    *exit_code = InputError(trust.status().message());
    return std::nullopt;
  }
  absl::StatusOr<Validator> validator = ValidatorFromFlags(trust->source, std::move(sources));
  if (!validator.ok()) {
    *exit_code = UsageError(validator.status().message());
    return std::nullopt;
  }
  return Verifier{*std::move(trust), *std::move(validator)};
}

int Verify(const std::vector<std::string>& args) {
  if (args.size() != 1)
    return UsageError("verify takes exactly one CHAIN (a file, or - for standard input)");
  // The command line first, then the files it names: a usage error is reported as one, even when
  // an input is bad too.
  auto request = RequestFromFlags({std::string()});
  if (!request.ok()) return UsageError(request.status().message());
  // A chain valid for some name proves nothing about the peer: say which, or that none matters.
  if (request->peer_name.kind == PeerName::Kind::kNone) {
    return UsageError(
        "verify needs the name the peer must have: --host NAME, --ip ADDRESS or --email ADDRESS "
        "(or --any-name to check the chain alone)");
  }
  if (auto policy = PolicyFromFlags(); !policy.ok()) return UsageError(policy.status().message());
  if (auto policy = RevocationPolicyFromFlags(); !policy.ok())
    return UsageError(policy.status().message());
  auto input = ReadChainInput(&args[0]);
  if (!input.ok()) return InputError(input.status().message());
  request->leaf = input->ders.front();  // Read never returns an empty set
  request->intermediates.assign(input->ders.begin() + 1, input->ders.end());
  int exit_code = 0;
  std::optional<Verifier> verifier = VerifierFromFlags(&*request, &exit_code);
  if (!verifier) return exit_code;
  ValidationResult result = verifier->validator.Validate(*request);
  const std::vector<std::string> hints = NoPathHints(result, verifier->trust.summary);
  if (absl::GetFlag(FLAGS_json)) {
    nlohmann::json j = ResultJson(result);
    j["checked_name"] = CheckedNameText(request->peer_name);
    j["trust"] = verifier->trust.summary.json;
    if (!hints.empty()) j["hints"] = hints;
    if (!result.fetches.empty()) j["fetches"] = FetchJson(result);
    std::cout << DumpJson(j) << "\n";
  } else {
    std::cout << ResultText(result, {absl::StrCat("name: ", CheckedNameText(request->peer_name)),
                                     absl::StrCat("trust: ", verifier->trust.summary.text)});
    for (const std::string& line : FetchLines(result)) std::cout << line << "\n";
    for (const std::string& hint : hints) std::cout << "hint: " << hint << "\n";
  }
  return result.valid ? kValid : kRejected;
}

absl::StatusOr<absl::Time> TimeFromFlag() {
  const std::string t = absl::GetFlag(FLAGS_time);
  if (t.empty()) return absl::Now();
  absl::Time when;
  std::string err;
  if (!absl::ParseTime(absl::RFC3339_full, t, &when, &err)) {
    return absl::InvalidArgumentError(absl::StrCat("--time '", t, "': ", err));
  }
  return when;
}

int Inspect(const std::vector<std::string>& args) {
  if (args.size() != 1)
    return UsageError("inspect takes exactly one CERTS (a file, a directory, or -)");
  auto now = TimeFromFlag();
  if (!now.ok()) return UsageError(now.status().message());
  ReadOptions options;
  options.require_parse = true;  // nothing to show of a certificate that does not parse
  auto certs = Inputs().Read(args[0], options);
  if (!certs.ok()) return InputError(certs.status().message());
  for (const std::string& note : certs->notes) std::cerr << "certval: " << EscapeText(note) << "\n";
  nlohmann::json all = nlohmann::json::array();
  std::string text;
  for (size_t i = 0; i < certs->certs.size(); ++i) {
    const InputCertificate& input = certs->certs[i];
    auto cert = Certificate::Parse(input.der);
    if (!cert.ok()) return InputError(absl::StrCat(input.origin, ": ", cert.status().message()));
    const InspectContext context{EscapeText(input.origin), *now};
    if (absl::GetFlag(FLAGS_json)) {
      all.push_back(InspectJson(**cert, context));
    } else {
      absl::StrAppend(&text, i > 0 ? "\n" : "", "certificate ", i + 1, " of ", certs->certs.size(),
                      "\n", InspectText(**cert, context));
    }
  }
  std::cout << (absl::GetFlag(FLAGS_json) ? DumpJson(all) + "\n" : text);
  return kValid;
}

// A file argument for limbo: "-" is standard input; a directory is refused here, by name.
absl::StatusOr<std::string> JsonFileArgument(const std::string& path) {
  if (path == "-") return std::string("/dev/stdin");
  struct stat st;
  if (stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
    return absl::FailedPreconditionError(absl::StrCat(path, ": a directory; expected a JSON file"));
  }
  return path;
}

int Limbo(const std::vector<std::string>& args) {
  if (args.size() > 1) return UsageError("limbo takes at most one FILE");
  auto path = JsonFileArgument(args.empty() ? DefaultLimboPath() : args[0]);
  if (!path.ok()) return InputError(path.status().message());
  auto report = RunLimboFile(*path);
  if (!report.ok()) return InputError(report.status().message());
  std::cout << report->Summary();
  if (std::string out = absl::GetFlag(FLAGS_results); !out.empty()) {
    std::ofstream file(out);
    if (!(file << report->ResultsJson())) return InputError(absl::StrCat(out, ": cannot write"));
  }
  return report->false_accepts.empty() ? kValid : kRejected;
}

int Pkits(const std::vector<std::string>& args) {
  if (args.size() > 1) return UsageError("pkits takes at most one DIR or pkits.json");
  auto report = RunPkits(args.empty() ? DefaultPkitsPath() : args[0]);
  if (!report.ok()) return InputError(report.status().message());
  std::cout << report->Summary();
  return report->false_accepts.empty() ? kValid : kRejected;
}

int Connect(const std::vector<std::string>& args) {
  if (args.size() != 1) return UsageError("connect takes exactly one HOST:PORT");
  ConnectConfig config;
  if (auto s = tls::SplitHostPort(args[0], &config.host, &config.port); !s.ok()) {
    return UsageError(s.message());
  }
  // Resolution, SNI and the name check all want the A-label form.
  if (!IsIpAddressText(config.host)) {
    auto host = ToAsciiHostName(config.host);
    if (!host.ok()) {
      return UsageError(absl::StrCat("connect '", config.host, "': ", host.status().message()));
    }
    config.host = *std::move(host);
  }
  if (std::string name = absl::GetFlag(FLAGS_servername); !name.empty()) {
    auto ascii = ToAsciiHostName(name);
    if (!ascii.ok())
      return UsageError(absl::StrCat("--servername '", name, "': ", ascii.status().message()));
    config.servername = *std::move(ascii);
  }
  // A server always has a name to prove (the flags, else --servername or HOST).
  if (absl::GetFlag(FLAGS_any_name)) {
    return UsageError(
        "--any-name is for verify; connect checks --host/--ip/--email, else the server name");
  }
  // No certificates yet: the handshake supplies them. This reads every other request flag.
  auto request = RequestFromFlags({std::string()});
  if (!request.ok()) return UsageError(request.status().message());
  if (absl::GetFlag(FLAGS_timeout) <= 0) {
    return UsageError("--timeout must be a positive number of seconds");
  }
  if (auto policy = PolicyFromFlags(); !policy.ok()) return UsageError(policy.status().message());
  if (auto policy = RevocationPolicyFromFlags(); !policy.ok())
    return UsageError(policy.status().message());
  auto intermediates = ReadChainInput(nullptr);
  if (!intermediates.ok()) return InputError(intermediates.status().message());
  request->intermediates = std::move(intermediates->ders);
  int exit_code = 0;
  std::optional<Verifier> verifier = VerifierFromFlags(&*request, &exit_code);
  if (!verifier) return exit_code;
  config.validator = std::make_shared<const Validator>(std::move(verifier->validator));
  config.request = *std::move(request);
  config.legacy = absl::GetFlag(FLAGS_legacy);
  config.timeout = absl::Seconds(absl::GetFlag(FLAGS_timeout));
  config.trust = verifier->trust.summary;
  auto report = RunConnect(config);
  const std::string target = tls::JoinHostPort(config.host, config.port);
  if (!report.ok()) {
    std::string message(report.status().message());  // network errors name host:port already
    if (!absl::StartsWith(message, target)) message = absl::StrCat(target, ": ", message);
    return Fail("connect", absl::StrCat("connect ", message));
  }
  const ValidationResult no_validation;
  const ValidationResult& validation =
      report->dial.validation ? *report->dial.validation : no_validation;
  if (absl::GetFlag(FLAGS_json)) {
    nlohmann::json j = ConnectJson(*report);
    if (!validation.fetches.empty()) j["fetches"] = FetchJson(validation);
    std::cout << DumpJson(j) << "\n";
  } else {
    std::cout << ConnectText(*report);
    for (const std::string& line : FetchLines(validation)) std::cout << line << "\n";
  }
  int code = ConnectExitCode(*report);
  if (code == kUsage) {
    // The report (text or JSON) is on stdout already; this line is for the person watching.
    std::cerr << "certval: connect " << EscapeText(target) << ": no verdict: "
              << (report->dial.handshake.ok ? "no validation ran"
                                            : EscapeText(report->dial.handshake.error))
              << "\n";
  }
  return code;
}

// certval revocation build: CRLs (and their issuers' certificates) to a pushed revocation set.
int Revocation(const std::vector<std::string>& args) {
  if (args.empty() || args[0] != "build") return UsageError("revocation takes a subcommand: build");
  const std::vector<std::string> crl_paths(args.begin() + 1, args.end());
  if (crl_paths.empty()) return UsageError("revocation build needs at least one CRL file");
  const std::string out = absl::GetFlag(FLAGS_out);
  if (out.empty()) return UsageError("revocation build needs --out FILE");
  if (absl::GetFlag(FLAGS_issuers).empty()) {
    return UsageError(
        "revocation build needs --issuers: the certificates of the CAs that issued the CRLs");
  }
  if (absl::GetFlag(FLAGS_sequence) < 0) return UsageError("--sequence must not be negative");
  std::vector<std::string> crls;
  for (const std::string& path : crl_paths) {
    auto read = ReadCrlFile(path);
    if (!read.ok()) return InputError(read.status().message());
    crls.insert(crls.end(), read->begin(), read->end());
  }
  auto certs_from = [](const char* flag, const std::vector<std::string>& paths,
                       std::vector<CertificatePtr>* out_certs) -> absl::Status {
    for (const std::string& path : paths) {
      ReadOptions options;
      options.require_parse = true;
      auto certs = Inputs().Read(path, options);
      if (!certs.ok())
        return absl::Status(certs.status().code(),
                            absl::StrCat(flag, ": ", certs.status().message()));
      for (const InputCertificate& c : certs->certs) {
        auto cert = Certificate::Parse(c.der);
        if (!cert.ok())
          return absl::InvalidArgumentError(absl::StrCat(c.origin, ": ", cert.status().message()));
        out_certs->push_back(*std::move(cert));
      }
    }
    return absl::OkStatus();
  };
  std::vector<CertificatePtr> issuers, blocked;
  if (auto s = certs_from("--issuers", absl::GetFlag(FLAGS_issuers), &issuers); !s.ok())
    return InputError(s.message());
  if (auto s = certs_from("--blocked-cert", absl::GetFlag(FLAGS_blocked_cert), &blocked); !s.ok()) {
    return InputError(s.message());
  }
  std::vector<std::string> notes;
  auto contents = RevocationSetFromCrls(crls, issuers, blocked, &notes);
  if (!contents.ok()) return InputError(contents.status().message());
  contents->sequence = static_cast<uint64_t>(absl::GetFlag(FLAGS_sequence));
  contents->created = absl::Now();
  auto bytes = RevocationSet::Build(*contents);
  if (!bytes.ok()) return InputError(bytes.status().message());
  auto check = RevocationSet::Load(*bytes);  // what clients will load, checked before it ships
  if (!check.ok()) return Fail("input", std::string(check.status().message()));
  std::ofstream file(out, std::ios::binary | std::ios::trunc);
  file.write(bytes->data(), static_cast<std::streamsize>(bytes->size()));
  file.close();
  if (!file) return InputError(absl::StrCat("--out ", out, ": cannot write"));
  for (const std::string& note : notes) std::cerr << "certval: " << EscapeText(note) << "\n";
  const std::string summary =
      absl::StrCat("revocation set ", (*check)->sequence(), ": ", (*check)->issuer_count(),
                   " issuers, ", (*check)->serial_count(), " serials, ", (*check)->blocked_count(),
                   " blocked keys, ", bytes->size(), " bytes");
  if (absl::GetFlag(FLAGS_json)) {
    std::cout << DumpJson({{"file", EscapeText(out)},
                           {"sequence", (*check)->sequence()},
                           {"issuers", (*check)->issuer_count()},
                           {"serials", (*check)->serial_count()},
                           {"blocked_keys", (*check)->blocked_count()},
                           {"bytes", bytes->size()}})
              << "\n";
  } else {
    std::cout << "wrote " << EscapeText(out) << ": " << summary << "\n";
  }
  return kValid;
}

int Demo(const std::vector<std::string>& args) {
  if (!args.empty()) return UsageError("demo takes no arguments");
  return RunDemo(std::cout);
}

// Arguments before "--" (after it everything is an operand).
std::vector<std::string> FlagArguments(const std::vector<std::string>& args) {
  auto end = std::find(args.begin(), args.end(), "--");
  return std::vector<std::string>(args.begin(), end);
}

// --json as the parser will read it, known before parsing so that a bad flag is reported in JSON.
bool WantsJson(const std::vector<std::string>& args) {
  bool json = false;
  for (const std::string& a : FlagArguments(args)) {
    if (a == "--json" || a == "-json" || a == "--json=true" || a == "--json=1") json = true;
    if (a == "--nojson" || a == "--json=false" || a == "--json=0") json = false;
  }
  return json;
}

int Main(const std::vector<std::string>& args) {
  g_json_output = WantsJson(args);
  // --help and --version win wherever they are, as with most tools.
  for (const std::string& a : FlagArguments(args)) {
    if (a == "--help" || a == "-help" || a == "-h" || a == "--helpfull") return Help();
    if (a == "--version" || a == "-version") return Version();
  }
  auto positional = ParseFlags(args);
  if (!positional.ok()) return UsageError(positional.status().message());
  g_json_output = absl::GetFlag(FLAGS_json);
  if (positional->empty()) return UsageError("missing subcommand");
  const std::string command = positional->front();
  const std::vector<std::string> rest(positional->begin() + 1, positional->end());
  if (command == "verify") return Verify(rest);
  if (command == "inspect") return Inspect(rest);
  if (command == "limbo") return Limbo(rest);
  if (command == "pkits") return Pkits(rest);
  if (command == "connect") return Connect(rest);
  if (command == "revocation") return Revocation(rest);
  if (command == "demo") return Demo(rest);
  if (command == "roots")
    return rest.empty() ? ListRoots(std::cout, std::cerr) : UsageError("roots takes no arguments");
  if (command == "help") return Help();
  if (command == "version") return Version();
  return UsageError(absl::StrCat("unknown subcommand '", command, "'"));
}

}  // namespace
}  // namespace certval

int main(int argc, char** argv) {
  return certval::Main(std::vector<std::string>(argv + 1, argv + argc));
}
