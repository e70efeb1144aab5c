#include "tests/trust/trust_test_util.h"

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "absl/strings/str_cat.h"
#include "certval/testing/pki/test_pki.h"

namespace certval::trusttest {

absl::Time Now() { return absl::FromUnixSeconds(1767225600); }  // 2026-01-01T00:00:00Z

CertificatePtr ParseOrDie(const std::string& der) {
  auto cert = Certificate::Parse(der);
  if (!cert.ok()) {
    std::cerr << "fixture does not parse: " << cert.status() << "\n";
    std::abort();
  }
  return *std::move(cert);
}

std::string RootDer(absl::string_view common_name, int key_index) {
  testpki::CertSpec spec = testpki::RootSpec(std::string(common_name), Now());
  return testpki::SelfSigned(spec, testpki::Key::Cached(testpki::KeyKind::kEcP256, key_index));
}

std::string RootPem(absl::string_view common_name, int key_index) {
  return testpki::DerToPem(RootDer(common_name, key_index));
}

std::string MakeTempDir() {
  static std::atomic<int> counter{0};
  const char* base = std::getenv("TEST_TMPDIR");
  std::filesystem::path dir = std::filesystem::path(base != nullptr ? base : "/tmp") /
                              absl::StrCat("trust_test_", counter++);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

void WriteFile(const std::string& path, absl::string_view contents) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
  if (!out.flush()) {
    std::cerr << "cannot write " << path << "\n";
    std::abort();
  }
}

}  // namespace certval::trusttest
