// Human and JSON renderings of certificates, findings and results, for the command-line tool.
#ifndef CERTVAL_TOOLS_DESCRIBE_H_
#define CERTVAL_TOOLS_DESCRIBE_H_

#include <string>

#include <nlohmann/json.hpp>

#include "validator/certificate.h"
#include "validator/result.h"

namespace certval {

std::string OidToDotted(Der oid);       // "2.5.29.19"
std::string NameToString(const Name& name);  // "CN=example.com, O=Example"
std::string KeyDescription(const PublicKeyInfo& key);  // "RSA 2048", "ECDSA P-256", "Ed25519"

nlohmann::json CertificateJson(const Certificate& cert);
nlohmann::json ResultJson(const ValidationResult& result);

std::string CertificateText(const Certificate& cert);  // multi-line, as the checks see it
std::string ResultText(const ValidationResult& result);

// Every string above that comes from a certificate is escaped (validator/text_escape.h), in text
// and JSON alike. DumpJson never throws: what else is not UTF-8 (a flag's bytes) becomes U+FFFD.
std::string DumpJson(const nlohmann::json& j);

}  // namespace certval

#endif  // CERTVAL_TOOLS_DESCRIBE_H_
