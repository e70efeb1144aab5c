#!/usr/bin/env python3
"""Turns the PKITS test definitions BoringSSL generates into certval's pkits.json.

Input: pkits_testcases-inl.h as vendored in third_party/nist-pkits (BoringSSL's C++ rendering of
the tests in NIST's PKITS.pdf). Output: one JSON document, the format described in
third_party/nist-pkits/README.md. Python 3 standard library only.

    python3 tools/pkits/convert_pkits.py \
        third_party/nist-pkits/pkits_testcases-inl.h third_party/nist-pkits/pkits.json

Every certificate and CRL a test names must exist under certs/ and crls/ next to the output;
anything the parser does not recognise stops the conversion instead of being dropped.
"""

import json
import os
import re
import sys

# PKITS.pdf section 4's sub-section titles. The generated file only has them squeezed into class
# names (PkitsTest08CertificatePolicies), so they are spelt out here and checked against those.
SECTION_TITLES = {
    "4.1": "Signature Verification",
    "4.2": "Validity Periods",
    "4.3": "Verifying Name Chaining",
    "4.4": "Basic Certificate Revocation Tests",
    "4.5": "Verifying Paths with Self-Issued Certificates",
    "4.6": "Verifying Basic Constraints",
    "4.7": "Key Usage",
    "4.8": "Certificate Policies",
    "4.9": "Require Explicit Policy",
    "4.10": "Policy Mappings",
    "4.11": "Inhibit Policy Mapping",
    "4.12": "Inhibit Any Policy",
    "4.13": "Name Constraints",
    "4.14": "Distribution Points",
    "4.15": "Delta-CRLs",
    "4.16": "Private Certificate Extensions",
}

# Whole sections about CRLs.
REVOCATION_SECTIONS = {"4.4", "4.14", "4.15"}

# Tests elsewhere whose expected failure comes only from a CRL (each checked against the data:
# the CRL lists the end-entity's serial, or the CA's keyUsage lacks cRLSign).
REVOCATION_TESTS = {
    "4.5.2": "the end-entity certificate is listed on its issuer's CRL",
    "4.5.5": "the end-entity certificate is listed on its issuer's CRL",
    "4.5.7": "the end-entity certificate is listed on its issuer's CRL",
    "4.7.4": "the CA's keyUsage lacks cRLSign, so its CRL cannot be verified",
    "4.7.5": "the CA's keyUsage lacks cRLSign, so its CRL cannot be verified",
}

# The symbolic policy names the generated file uses (PKITS.pdf section 3).
POLICY_OIDS = {
    "anyPolicy": "2.5.29.32.0",
    "NIST-test-policy-1": "2.16.840.1.101.3.2.1.48.1",
    "NIST-test-policy-2": "2.16.840.1.101.3.2.1.48.2",
    "NIST-test-policy-3": "2.16.840.1.101.3.2.1.48.3",
    "NIST-test-policy-4": "2.16.840.1.101.3.2.1.48.4",
    "NIST-test-policy-5": "2.16.840.1.101.3.2.1.48.5",
    "NIST-test-policy-6": "2.16.840.1.101.3.2.1.48.6",
}

# The generator's defaults for what a test does not set (PKITS.pdf's default settings, and
# {NIST-test-policy-1} as the user-constrained set since every certificate outside the policy
# sections asserts that policy).
DEFAULT_INITIAL_POLICY_SET = ["anyPolicy"]
DEFAULT_USER_CONSTRAINED_POLICY_SET = ["NIST-test-policy-1"]

CLASS_RE = re.compile(r"^class PkitsTest(\d\d)(\w+)\b")
HEADER_RE = re.compile(r"^// (\d+\.\d+\.\d+(?:\.\d+)?) (.+?)(?: \(Subpart (\d+)\))?$")
BODY_START_RE = re.compile(r"^WRAPPED_TYPED_TEST_P\(")
ARRAY_RE = re.compile(r"const char\* const (certs|crls)\[\] = \{(.*?)\};", re.S)
STRING_RE = re.compile(r'"([^"]*)"')
NUMBER_RE = re.compile(r'info\.test_number = "([0-9.]+)";')
VALIDATE_RE = re.compile(r"info\.should_validate = (true|false);")
SETTER_RE = re.compile(r"info\.(Set\w+)\((.*?)\);")
FIELD_RE = re.compile(r"info\.(\w+) = ")

BOOL_SETTERS = {
    "SetInitialExplicitPolicy": "initial_explicit_policy",
    "SetInitialPolicyMappingInhibit": "initial_policy_mapping_inhibit",
    "SetInitialInhibitAnyPolicy": "initial_any_policy_inhibit",
}


class ConvertError(Exception):
    pass


def squeeze(title):
    return title.replace(" ", "").replace("-", "")


def policy_oids(names, where):
    oids = []
    for name in names:
        if name not in POLICY_OIDS:
            raise ConvertError("%s: unknown policy name %r" % (where, name))
        oids.append(POLICY_OIDS[name])
    return oids


def policy_list(argument, where):
    literal = STRING_RE.fullmatch(argument.strip())
    if not literal:
        raise ConvertError("%s: expected a string literal, got %r" % (where, argument))
    return [p.strip() for p in literal.group(1).split(",") if p.strip()]


def parse_body(body, where):
    """The fields of one test: its arrays, number, verdict and setters."""
    arrays = {kind: STRING_RE.findall(items) for kind, items in ARRAY_RE.findall(body)}
    if "certs" not in arrays or "crls" not in arrays:
        raise ConvertError("%s: certs[] or crls[] missing" % where)
    number = NUMBER_RE.search(body)
    validate = VALIDATE_RE.search(body)
    if not number or not validate:
        raise ConvertError("%s: test_number or should_validate missing" % where)
    for field in FIELD_RE.findall(body):
        if field not in ("test_number", "should_validate"):
            raise ConvertError("%s: unknown field info.%s" % (where, field))
    settings = {}
    for setter, argument in SETTER_RE.findall(body):
        if setter in BOOL_SETTERS:
            if argument not in ("true", "false"):
                raise ConvertError("%s: %s(%s)" % (where, setter, argument))
            settings[BOOL_SETTERS[setter]] = argument == "true"
        elif setter == "SetInitialPolicySet":
            settings["initial_policy_set"] = policy_list(argument, where)
        elif setter == "SetUserConstrainedPolicySet":
            settings["user_constrained_policy_set"] = policy_list(argument, where)
        else:
            raise ConvertError("%s: unknown setter %s" % (where, setter))
    return arrays, number.group(1), validate.group(1) == "true", settings


def make_test(section, header_number, name, subpart, arrays, number, valid, settings, where):
    if not (number == header_number or number.startswith(header_number + ".")):
        raise ConvertError("%s: comment says %s, test_number %s" % (where, header_number, number))
    certs = arrays["certs"]
    if len(certs) < 2 or certs[0] != "TrustAnchorRootCertificate":
        raise ConvertError("%s: expected the trust anchor first and a certificate after it" % where)
    test_id = header_number if subpart is None else "%s/%s" % (header_number, subpart)
    stated_ucp = "user_constrained_policy_set" in settings
    ucp = settings.get("user_constrained_policy_set", DEFAULT_USER_CONSTRAINED_POLICY_SET)
    test = {
        "id": test_id,
        "number": header_number,
        "subpart": None if subpart is None else int(subpart),
        "section": section,
        "name": name,
        "trust_anchor": "certs/%s.crt" % certs[0],
        # Upstream lists the anchor first and the end entity last; this is that list reversed,
        # without the anchor: leaf first. It may hold a certificate off the path (4.5.6: a
        # CRL-signing certificate), so a runner passes all but the leaf as unordered intermediates.
        "certificates": ["certs/%s.crt" % c for c in reversed(certs[1:])],
        "crls": ["crls/%s.crl" % c for c in arrays["crls"]],
        "expected": "valid" if valid else "invalid",
        "initial_policy_set": policy_oids(
            settings.get("initial_policy_set", DEFAULT_INITIAL_POLICY_SET), where),
        "initial_explicit_policy": settings.get("initial_explicit_policy", False),
        "initial_policy_mapping_inhibit": settings.get("initial_policy_mapping_inhibit", False),
        "initial_any_policy_inhibit": settings.get("initial_any_policy_inhibit", False),
        "user_constrained_policy_set": policy_oids(ucp, where),
        "user_constrained_policy_set_stated": stated_ucp,
        "revocation": None,
    }
    if section in REVOCATION_SECTIONS:
        test["revocation"] = "section %s (%s) tests CRL processing" % (
            section, SECTION_TITLES[section])
    elif header_number in REVOCATION_TESTS:
        test["revocation"] = REVOCATION_TESTS[header_number]
    return test


def convert(text):
    lines = text.splitlines()
    tests = []
    section = None
    i = 0
    while i < len(lines):
        line = lines[i]
        cls = CLASS_RE.match(line)
        if cls:
            section = "4.%d" % int(cls.group(1))
            title = SECTION_TITLES.get(section)
            if title is None or squeeze(title) != cls.group(2):
                raise ConvertError("line %d: section %s is %r here, %r upstream" %
                                   (i + 1, section, title, cls.group(2)))
            i += 1
            continue
        header = HEADER_RE.match(line)
        if header and i + 1 < len(lines) and BODY_START_RE.match(lines[i + 1]):
            where = "line %d (%s)" % (i + 1, header.group(1))
            if section is None or not header.group(1).startswith(section + "."):
                raise ConvertError("%s: outside its section (%s)" % (where, section))
            end = i + 1
            while end < len(lines) and lines[end] != "}":
                end += 1
            if end == len(lines):
                raise ConvertError("%s: no end of the test body" % where)
            body = "\n".join(lines[i + 1:end])
            tests.append(make_test(section, header.group(1), header.group(2), header.group(3),
                                   *parse_body(body, where), where))
            i = end + 1
            continue
        if BODY_START_RE.match(line):
            raise ConvertError("line %d: a test without its comment header" % (i + 1))
        i += 1
    ids = [t["id"] for t in tests]
    duplicates = sorted({x for x in ids if ids.count(x) > 1})
    if duplicates:
        raise ConvertError("duplicate test ids: %s" % ", ".join(duplicates))
    if not tests:
        raise ConvertError("no tests found")
    return tests


def check_files(tests, root):
    missing = set()
    for t in tests:
        for path in [t["trust_anchor"]] + t["certificates"] + t["crls"]:
            if not os.path.isfile(os.path.join(root, path)):
                missing.add(path)
    if missing:
        raise ConvertError("%d files missing under %s, e.g. %s" %
                           (len(missing), root, ", ".join(sorted(missing)[:5])))


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: convert_pkits.py pkits_testcases-inl.h OUT.json\n")
        return 2
    source, out = argv[1], argv[2]
    with open(source, encoding="utf-8") as f:
        text = f.read()
    try:
        tests = convert(text)
        check_files(tests, os.path.dirname(os.path.abspath(out)))
    except ConvertError as e:
        sys.stderr.write("convert_pkits.py: %s: %s\n" % (source, e))
        return 1
    doc = {
        "generated_by": "tools/pkits/convert_pkits.py from pkits_testcases-inl.h; do not edit",
        "validation_time": "2011-04-15T00:00:00Z",
        "sections": SECTION_TITLES,
        "tests": tests,
    }
    with open(out, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    print("%s: %d tests" % (out, len(tests)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
