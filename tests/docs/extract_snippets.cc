// Turns the C++ blocks of a Markdown document into one header that a test compiles (and runs where
// it can), so the documentation cannot drift from the library.
//
//   extract_snippets --doc=readme --expect=5 --in=README.md --out=readme_snippets.h
//
// Every ```cpp block must be preceded (blank lines aside) by a marker saying what the block is:
//
//   <!-- snippet NAME: declarations -->                 classes and functions, at namespace scope
//   <!-- snippet NAME: RET(PARAMS) -->                  statements: the body of RET Run(PARAMS)
//   <!-- snippet NAME: declarations, then RET(PARAMS) --> both: the body starts after the last line
//                                                         that is "};" at column 0 (a class's end)
//
// The marker is an HTML comment, so readers of the rendered page do not see it; PARAMS are the
// names the text assumes (a store, some DER). Each block becomes namespace
// certval_docs::DOC::NAME holding its declarations and Run(); a body that falls off its end
// returns absl::OkStatus() (RET absl::Status), 0 (int) or nothing (void). #include lines are
// hoisted to the top of the header. #line directives make compiler errors point into the Markdown.
//
// The tool fails (and so the build) when a C++ block has no marker, a marker no block, a name is
// used twice, or the number of blocks is not --expect: a block that disappears, or one added
// without a test, is noticed.
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Snippet {
  std::string name;
  int marker_line = 0;
  int first_line = 0;  // of the code, 1-based
  bool has_declarations = false;
  bool has_body = false;
  std::string return_type;
  std::string params;
  std::vector<std::string> includes;
  std::vector<std::string> lines;  // code without the includes
  int decl_end = 0;                // lines[0, decl_end) are declarations, the rest the body
};

[[noreturn]] void Fail(const std::string& doc_path, int line, const std::string& what) {
  std::cerr << doc_path << ":" << line << ": extract_snippets: " << what << "\n";
  std::exit(1);
}

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

bool StartsWith(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

bool IsIdentifier(const std::string& s) {
  if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  for (char c : s) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  }
  return true;
}

// "RET(PARAMS)" into its parts.
void ParseSignature(const std::string& doc, int line, const std::string& text, Snippet* s) {
  size_t open = text.find('(');
  size_t close = text.rfind(')');
  if (open == std::string::npos || close == std::string::npos || close < open ||
      !Trim(text.substr(close + 1)).empty()) {
    Fail(doc, line, "expected RET(PARAMS) in the snippet marker, got \"" + text + "\"");
  }
  s->has_body = true;
  s->return_type = Trim(text.substr(0, open));
  s->params = Trim(text.substr(open + 1, close - open - 1));
  if (s->return_type.empty()) Fail(doc, line, "the snippet marker names no return type");
}

// The marker's text after "<!-- snippet ", or empty when `line` is not a marker.
bool ParseMarker(const std::string& doc, int line_no, const std::string& line, Snippet* s) {
  const std::string t = Trim(line);
  if (!StartsWith(t, "<!-- snippet ")) return false;
  const std::string end = "-->";
  if (t.size() < end.size() || t.compare(t.size() - end.size(), end.size(), end) != 0) {
    Fail(doc, line_no, "a snippet marker must be one line ending in -->");
  }
  std::string body = Trim(t.substr(13, t.size() - 13 - end.size()));
  size_t colon = body.find(':');
  if (colon == std::string::npos) Fail(doc, line_no, "snippet marker without \"NAME:\"");
  s->name = Trim(body.substr(0, colon));
  if (!IsIdentifier(s->name)) Fail(doc, line_no, "snippet name is not an identifier: " + s->name);
  std::string spec = Trim(body.substr(colon + 1));
  s->marker_line = line_no;
  const std::string decl = "declarations";
  if (spec == decl) {
    s->has_declarations = true;
  } else if (StartsWith(spec, decl + ", then ")) {
    s->has_declarations = true;
    ParseSignature(doc, line_no, Trim(spec.substr(decl.size() + 7)), s);
  } else {
    ParseSignature(doc, line_no, spec, s);
  }
  return true;
}

bool IsCppFence(const std::string& info) {
  return info == "cpp" || info == "c++" || info == "cc" || info == "cxx" || info == "C++";
}

std::string DefaultReturn(const std::string& type) {
  if (type == "absl::Status") return "  return absl::OkStatus();\n";
  if (type == "int") return "  return 0;\n";
  return "";  // void, or a type whose body must return itself
}

}  // namespace

int main(int argc, char** argv) {
  std::string doc, in, out, display;
  int expect = -1;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&](const std::string& flag) -> const char* {
      return StartsWith(a, flag + "=") ? argv[i] + flag.size() + 1 : nullptr;
    };
    if (const char* v = value("--doc")) {
      doc = v;
    } else if (const char* v = value("--in")) {
      in = v;
    } else if (const char* v = value("--out")) {
      out = v;
    } else if (const char* v = value("--display")) {
      display = v;  // the document's name in #line directives and errors
    } else if (const char* v = value("--expect")) {
      expect = std::atoi(v);
    } else {
      std::cerr << "extract_snippets: unknown argument " << a << "\n";
      return 2;
    }
  }
  if (doc.empty() || in.empty() || out.empty() || expect < 0 || !IsIdentifier(doc)) {
    std::cerr
        << "usage: extract_snippets --doc=ID --expect=N --in=DOC.md --out=OUT.h [--display=NAME]\n";
    return 2;
  }
  if (display.empty()) display = in;

  std::ifstream file(in);
  if (!file) Fail(display, 0, "cannot read " + in);
  std::vector<std::string> lines;
  for (std::string l; std::getline(file, l);) lines.push_back(l);

  std::vector<Snippet> snippets;
  std::set<std::string> names;
  bool have_marker = false;
  Snippet pending;
  for (size_t i = 0; i < lines.size(); ++i) {
    const int line_no = static_cast<int>(i) + 1;
    const std::string t = Trim(lines[i]);
    Snippet marker;
    if (ParseMarker(display, line_no, lines[i], &marker)) {
      if (have_marker) Fail(display, pending.marker_line, "snippet marker without a C++ block");
      pending = marker;
      have_marker = true;
      continue;
    }
    if (!StartsWith(t, "```")) {
      if (!t.empty() && have_marker) {
        Fail(display, pending.marker_line, "snippet marker not followed by a C++ block");
      }
      continue;
    }
    // A fence: find its end, whatever the language.
    const size_t indent = lines[i].find('`');
    const std::string info = Trim(t.substr(3));
    size_t end = i + 1;
    while (end < lines.size() && !StartsWith(Trim(lines[end]), "```")) ++end;
    if (end == lines.size()) Fail(display, line_no, "unterminated code block");
    if (!IsCppFence(info)) {
      if (have_marker) Fail(display, pending.marker_line, "snippet marker before a non-C++ block");
      i = end;
      continue;
    }
    if (!have_marker) {
      Fail(
          display, line_no,
          "C++ block without a snippet marker (<!-- snippet NAME: declarations | RET(PARAMS) -->)");
    }
    Snippet s = pending;
    have_marker = false;
    if (!names.insert(s.name).second)
      Fail(display, s.marker_line, "snippet name used twice: " + s.name);
    s.first_line = line_no + 1;
    for (size_t k = i + 1; k < end; ++k) {
      std::string code = lines[k];
      // Strip the fence's indentation (blocks inside list items).
      size_t strip = 0;
      while (strip < indent && strip < code.size() && code[strip] == ' ') ++strip;
      code = code.substr(strip);
      if (StartsWith(Trim(code), "#include")) {
        s.includes.push_back(Trim(code));
        s.lines.push_back("");  // keep line numbers aligned with the document
      } else {
        s.lines.push_back(code);
      }
    }
    s.decl_end = s.has_body ? 0 : static_cast<int>(s.lines.size());
    if (s.has_declarations && s.has_body) {
      int last = -1;
      for (size_t k = 0; k < s.lines.size(); ++k) {
        if (s.lines[k] == "};") last = static_cast<int>(k);
      }
      if (last < 0) {
        Fail(display, s.marker_line,
             "\"declarations, then\" needs a line \"};\" at column 0 ending the declarations");
      }
      s.decl_end = last + 1;
    }
    snippets.push_back(s);
    i = end;
  }
  if (have_marker) Fail(display, pending.marker_line, "snippet marker without a C++ block");
  if (static_cast<int>(snippets.size()) != expect) {
    Fail(display, 0,
         "found " + std::to_string(snippets.size()) + " C++ blocks, the BUILD file expects " +
             std::to_string(expect) + ": update --expect and the test that runs them");
  }

  // Output, counting lines so that #line can point back into the generated file after a snippet.
  std::ostringstream o;
  int out_line = 1;
  auto emit = [&](const std::string& text) {
    o << text << "\n";
    ++out_line;
  };
  const std::string guard = "CERTVAL_DOCS_" + doc + "_SNIPPETS_H_";
  emit("// Generated from " + display + " by //tests/docs:extract_snippets. Do not edit.");
  emit("#ifndef " + guard);
  emit("#define " + guard);
  emit("");
  std::set<std::string> seen;
  for (const Snippet& s : snippets) {
    for (const std::string& inc : s.includes) {
      if (seen.insert(inc).second) emit(inc);
    }
  }
  emit("#include \"absl/status/status.h\"");
  emit("");
  emit("namespace certval_docs::" + doc + " {");
  emit("");
  emit("inline constexpr int kSnippetCount = " + std::to_string(snippets.size()) + ";");
  for (const Snippet& s : snippets) {
    emit("");
    emit("namespace " + s.name + " {  // " + display + " line " + std::to_string(s.first_line));
    int k = 0;
    if (s.decl_end > 0) {
      emit("#line " + std::to_string(s.first_line) + " \"" + display + "\"");
      for (; k < s.decl_end; ++k) emit(s.lines[k]);
      emit("#line " + std::to_string(out_line + 1) + " \"" + out + "\"");
    }
    if (s.has_body) {
      emit(s.return_type + " Run(" + s.params + ") {");
      emit("#line " + std::to_string(s.first_line + k) + " \"" + display + "\"");
      for (; k < static_cast<int>(s.lines.size()); ++k) emit("  " + s.lines[k]);
      emit("#line " + std::to_string(out_line + 1) + " \"" + out + "\"");
      std::string ret = DefaultReturn(s.return_type);
      if (!ret.empty()) emit(ret.substr(0, ret.size() - 1));
      emit("}");
    }
    emit("}  // namespace " + s.name);
  }
  emit("");
  emit("}  // namespace certval_docs::" + doc);
  emit("");
  emit("#endif  // " + guard);

  std::ofstream result(out);
  result << o.str();
  if (!result) Fail(display, 0, "cannot write " + out);
  return 0;
}
