// EscapeText, and the library's printers that use it (FormatFinding, StderrWarningSink): text from
// certificates reaches terminals, logs and JSON only as visible, valid, unambiguous UTF-8.
#include "certval/validator/text_escape.h"

#include <cstdint>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "certval/validator/finding.h"
#include "certval/validator/warning_sink.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace certval {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// The inverse of EscapeText, to show that no two inputs escape alike.
std::string Unescape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\') {
      out.push_back(s[i]);
    } else if (s[i + 1] == '\\') {
      out.push_back('\\'), i += 1;
    } else if (s[i + 1] == 'x') {
      out.push_back(static_cast<char>(std::stoi(s.substr(i + 2, 2), nullptr, 16))), i += 3;
    } else {
      EXPECT_EQ(s[i + 1], 'u') << s;
      uint32_t cp = static_cast<uint32_t>(std::stoi(s.substr(i + 2, 4), nullptr, 16));
      if (cp < 0x800) {
        out.push_back(static_cast<char>(0xc0 | (cp >> 6)));
      } else {
        out.push_back(static_cast<char>(0xe0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
      }
      out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
      i += 5;
    }
  }
  return out;
}

// No C0 control or DEL byte, no C1 control character, and valid UTF-8 (nlohmann's strict dump
// throws otherwise).
void ExpectPrintable(const std::string& escaped, const std::string& input) {
  for (size_t i = 0; i < escaped.size(); ++i) {
    const uint8_t c = static_cast<uint8_t>(escaped[i]);
    ASSERT_TRUE(c >= 0x20 && c != 0x7f)
        << "byte " << i << " of escaped " << testing::PrintToString(input);
    if (c == 0xc2 && i + 1 < escaped.size()) {
      const uint8_t next = static_cast<uint8_t>(escaped[i + 1]);
      ASSERT_FALSE(next >= 0x80 && next <= 0x9f) << testing::PrintToString(input);
    }
  }
  EXPECT_NO_THROW(nlohmann::json(escaped).dump()) << testing::PrintToString(input);
}

TEST(EscapeTextTest, PrintableTextIsUnchanged) {
  for (const std::string s : {"", "www.example.test", "CN=Example, O=Ex Ltd", "caf\xc3\xa9",
                              "\xe6\x97\xa5\xe6\x9c\xac", "\xf0\x9f\x94\x92 lock", "~!@#$%^&*()"}) {
    EXPECT_EQ(EscapeText(s), s);
  }
}

TEST(EscapeTextTest, ControlsAndBackslashAreEscaped) {
  EXPECT_EQ(EscapeText("a\\b"), "a\\\\b");
  EXPECT_EQ(EscapeText("\x1b[31mred\x1b[0m"), "\\x1b[31mred\\x1b[0m");
  EXPECT_EQ(EscapeText("\x1b]0;title\x07"), "\\x1b]0;title\\x07");
  EXPECT_EQ(EscapeText(std::string("a\0b", 3)), "a\\x00b");
  EXPECT_EQ(EscapeText("line\r\nforged: ok\t"), "line\\x0d\\x0aforged: ok\\x09");
  EXPECT_EQ(EscapeText("del\x7f"), "del\\x7f");
}

TEST(EscapeTextTest, C1ControlsAndBidiFormattingAreEscaped) {
  EXPECT_EQ(EscapeText("\xc2\x9b"
                       "2J"),
            "\\u009b2J");  // CSI, as a character
  EXPECT_EQ(EscapeText("\xc2\x80\xc2\x9f\xc2\xa0"), "\\u0080\\u009f\xc2\xa0");
  EXPECT_EQ(EscapeText("evil\xe2\x80\xae"
                       "gpj.exe"),
            "evil\\u202egpj.exe");
  EXPECT_EQ(EscapeText("\xe2\x81\xa6x\xe2\x81\xa9"), "\\u2066x\\u2069");
  EXPECT_EQ(EscapeText("a\xe2\x80\xa8"
                       "b"),
            "a\\u2028b");
}

TEST(EscapeTextTest, InvalidUtf8IsShownByteByByte) {
  EXPECT_EQ(EscapeText("\xff\xfe"), "\\xff\\xfe");
  EXPECT_EQ(EscapeText("\x80"
                       "a"),
            "\\x80a");                              // lone continuation byte
  EXPECT_EQ(EscapeText("\xe2\x82"), "\\xe2\\x82");  // truncated at the end
  EXPECT_EQ(EscapeText("\xf0\x9f\x98"
                       "A"),
            "\\xf0\\x9f\\x98A");                                      // truncated before ASCII
  EXPECT_EQ(EscapeText("\xc0\xaf"), "\\xc0\\xaf");                    // overlong '/'
  EXPECT_EQ(EscapeText("\xe0\x80\xaf"), "\\xe0\\x80\\xaf");           // overlong, 3 bytes
  EXPECT_EQ(EscapeText("\xed\xa0\x80"), "\\xed\\xa0\\x80");           // a surrogate
  EXPECT_EQ(EscapeText("\xf4\x90\x80\x80"), "\\xf4\\x90\\x80\\x80");  // above U+10FFFF
  EXPECT_EQ(EscapeText("\xc3"
                       "\xc3\xa9"),
            "\\xc3\xc3\xa9");  // resynchronizes on the next byte
}

TEST(EscapeTextTest, EscapesAreUnambiguous) {
  EXPECT_NE(EscapeText("\x1b"), EscapeText("\\x1b"));
  EXPECT_NE(EscapeText("\xc2\x9b"), EscapeText("\\u009b"));
  EXPECT_EQ(Unescape(EscapeText("\\x1b \x1b \\\\ \xff")), "\\x1b \x1b \\\\ \xff");
}

// Every string of up to two bytes, and random longer ones biased to the interesting bytes.
TEST(EscapeTextTest, AnyInputEscapesToPrintableUtf8ThatUnescapesToItself) {
  for (int a = 0; a < 256; ++a) {
    for (int b = -1; b < 256; ++b) {
      std::string s(1, static_cast<char>(a));
      if (b >= 0) s.push_back(static_cast<char>(b));
      const std::string escaped = EscapeText(s);
      ExpectPrintable(escaped, s);
      ASSERT_EQ(Unescape(escaped), s) << testing::PrintToString(s);
    }
  }
  std::mt19937 rng(13);
  const std::string pool = "\\x1b\x1b\x07\x7f\x80\x9b\xbf\xc2\xe2\x80\xae\xed\xf0\xf4\xff a";
  for (int i = 0; i < 20000; ++i) {
    std::string s;
    for (int n = rng() % 12; n > 0; --n) {
      s.push_back(rng() % 2 ? pool[rng() % pool.size()] : static_cast<char>(rng()));
    }
    const std::string escaped = EscapeText(s);
    ExpectPrintable(escaped, s);
    ASSERT_EQ(Unescape(escaped), s) << testing::PrintToString(s);
  }
}

TEST(EscapeTextTest, AppendKeepsWhatIsThere) {
  std::string out = "CN=";
  AppendEscapedText("a\x1b", &out);
  EXPECT_EQ(out, "CN=a\\x1b");
}

// Messages quote SANs and CNs verbatim; the one-line form must not carry them raw.
TEST(FormatFindingTest, EscapesTheMessageAndCode) {
  Finding f{"peer_name", 0, "peer_name.mismatch",
            "the leaf is not valid for 'a.test' (SANs: x\x1b[2J\xff.test\nforged line)",
            Severity::kError};
  const std::string line = FormatFinding(f);
  EXPECT_EQ(line,
            "peer_name.mismatch [cert 0] error: the leaf is not valid for 'a.test' "
            "(SANs: x\\x1b[2J\\xff.test\\x0aforged line)");
  f.code = "custom.\x1b";
  EXPECT_THAT(FormatFinding(f), HasSubstr("custom.\\x1b [cert 0]"));
}

TEST(StderrWarningSinkTest, EscapesThePeerAndTheFinding) {
  StderrWarningSink sink;
  testing::internal::CaptureStderr();
  sink.OnWarning(PeerName::Dns("peer\x1b].test"),
                 Finding{"validity", 0, "validity.expired", "CN \"\x1b[31m\xc2\x9b\xfe\"",
                         Severity::kWarning});
  const std::string err = testing::internal::GetCapturedStderr();
  EXPECT_THAT(err, HasSubstr("peer 'peer\\x1b].test'"));
  EXPECT_THAT(err, HasSubstr("CN \"\\x1b[31m\\u009b\\xfe\""));
  EXPECT_THAT(err, Not(HasSubstr("\x1b")));
  EXPECT_EQ(err.back(), '\n');
  EXPECT_EQ(err.find('\n'), err.size() - 1);  // one line
}

}  // namespace
}  // namespace certval
