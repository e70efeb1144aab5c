#include "tools/connect.h"

#include <openssl/ssl.h>

#include "absl/strings/str_cat.h"
#include "certval/tls/binding.h"
#include "certval/tls/legacy.h"
#include "certval/validator/ip_address.h"
#include "certval/validator/text_escape.h"
#include "tools/describe.h"

namespace certval {
namespace {

// The name the server must prove: explicit (--host/--ip/--email, or any name when the request says
// so), else the SNI, else the address dialed (an IP address, or a DNS name).
PeerName CheckedName(const ConnectConfig& config, const std::string& sni) {
  if (config.request.peer_name.kind != PeerName::Kind::kNone) return config.request.peer_name;
  const std::string& text = sni.empty() ? config.host : sni;
  return IsIpAddressText(text) ? PeerName::Ip(text) : PeerName::Dns(text);
}

// RFC 6066 3: a literal IP address is not permitted in server_name.
std::string SniFor(const ConnectConfig& config) {
  if (!config.servername.empty()) return config.servername;
  return IsIpAddressText(config.host) ? std::string() : config.host;
}

absl::StatusOr<bssl::UniquePtr<SSL_CTX>> ClientContext(const ConnectConfig& config,
                                                       const PeerName& name) {
  bssl::UniquePtr<SSL_CTX> ctx(SSL_CTX_new(TLS_method()));
  if (!ctx) return absl::InternalError("SSL_CTX_new failed");
  absl::Status profile = config.legacy ? tls::EnableLegacyCompatibility(ctx.get())
                                       : tls::ApplyModernProfile(ctx.get());
  if (!profile.ok()) return profile;
  tls::ClientOptions options;
  options.peer_name = name;
  options.request = config.request;
  if (absl::Status s = tls::AttachClient(ctx.get(), config.validator, options); !s.ok()) return s;
  return ctx;
}

// The names come from the command line and the server: escaped like certificate text.
std::string NameText(const PeerName& name) {
  return name.kind == PeerName::Kind::kAny ? "any name" : EscapeText(name.value);
}

std::string HandshakeLine(const ConnectReport& report) {
  const tls::DialResult& dial = report.dial;
  if (dial.handshake.ok) return absl::StrCat("completed, ", dial.version, ", ", dial.cipher);
  if (dial.alert_sent) {
    return absl::StrCat("failed: certval rejected the certificate (sent alert ",
                        tls::AlertName(*dial.alert_sent), ")");
  }
  return absl::StrCat("failed: ", EscapeText(dial.handshake.error));
}

}  // namespace

absl::StatusOr<ConnectReport> RunConnect(const ConnectConfig& config) {
  // One clock for everything --timeout covers: resolution, connect, handshake and validation.
  const absl::Time deadline = absl::Now() + config.timeout;
  if (config.validator == nullptr) return absl::InvalidArgumentError("no validator");
  ConnectReport report;
  report.target = tls::JoinHostPort(config.host, config.port);
  report.sni = SniFor(config);
  report.checked_name = CheckedName(config, report.sni);
  report.trust = config.trust;
  absl::StatusOr<bssl::UniquePtr<SSL_CTX>> ctx = ClientContext(config, report.checked_name);
  if (!ctx.ok()) return ctx.status();
  tls::DialOptions options;
  options.sni = report.sni;
  options.deadline = deadline;
  absl::StatusOr<tls::DialResult> dial = tls::Dial(ctx->get(), config.host, config.port, options);
  if (!dial.ok()) return dial.status();
  report.dial = *std::move(dial);
  return report;
}

std::string ConnectText(const ConnectReport& report) {
  std::string out = absl::StrCat("connect: ", EscapeText(report.target), " (server name ",
                                 report.sni.empty() ? "not sent" : EscapeText(report.sni),
                                 ", checking ", NameText(report.checked_name), ")\n");
  absl::StrAppend(&out, "handshake: ", HandshakeLine(report), "\n");
  const std::string trust = absl::StrCat("trust: ", report.trust.text);
  if (report.dial.validation) {
    absl::StrAppend(&out, ResultText(*report.dial.validation, {trust}));
    for (const std::string& hint : NoPathHints(*report.dial.validation, report.trust)) {
      absl::StrAppend(&out, "hint: ", hint, "\n");
    }
  } else {
    absl::StrAppend(&out, "verdict: none (the handshake ended before the certificate)\n", trust,
                    "\n");
  }
  return out;
}

nlohmann::json ConnectJson(const ConnectReport& report) {
  nlohmann::json tls_json = {{"target", EscapeText(report.target)},
                             {"server_name", EscapeText(report.sni)},
                             {"checked_name", NameText(report.checked_name)},
                             {"handshake_ok", report.dial.handshake.ok}};
  if (report.dial.handshake.ok) {
    tls_json["version"] = report.dial.version;
    tls_json["cipher"] = report.dial.cipher;
  } else {
    tls_json["error"] = EscapeText(report.dial.handshake.error);
  }
  if (report.dial.alert_sent) tls_json["alert_sent"] = tls::AlertName(*report.dial.alert_sent);
  nlohmann::json out = report.dial.validation ? ResultJson(*report.dial.validation)
                                              : nlohmann::json{{"valid", nullptr}};
  out["tls"] = tls_json;
  out["trust"] = report.trust.json;
  if (report.dial.validation) {
    if (auto hints = NoPathHints(*report.dial.validation, report.trust); !hints.empty()) {
      out["hints"] = hints;
    }
  }
  return out;
}

int ConnectExitCode(const ConnectReport& report) {
  const auto& validation = report.dial.validation;
  if (validation && !validation->valid) return 1;
  if (validation && report.dial.handshake.ok) return 0;
  return 2;
}

}  // namespace certval
