#!/usr/bin/python3
"""Checks that no source file or function of ogi outgrows a reader.

Limits (issue 13): no .cc file in services/, storage/ or cli/ over
MAX_FILE_LINES lines, and no function (a body at namespace or class level,
lambdas counted in their enclosing function) over MAX_FUNCTION_LINES lines,
from its opening brace to its closing one.

The function finder reads C++ as text: it blanks comments and string literals
(raw strings included), then matches braces. A brace opens a function body
when the text before it, since the last `;`, `{` or `}`, has a parameter list
and is not a namespace, class, enum or initializer. Good enough for the house
style (clang-format'ed Google style); it is not a C++ parser.

Usage: source_shape_test.py REPO_ROOT | --self-test
"""

import os
import re
import sys
import unittest

MAX_FILE_LINES = 800
MAX_FUNCTION_LINES = 150
ROOTS = ("services", "storage", "cli")


def blank_comments_and_strings(src):
    """`src` with comments and literals replaced by spaces (newlines kept)."""
    out = []
    i, n = 0, len(src)

    def blank(text):
        return re.sub(r"[^\n]", " ", text)

    while i < n:
        if src.startswith("//", i):
            j = src.find("\n", i)
            j = n if j < 0 else j
        elif src.startswith("/*", i):
            j = src.find("*/", i + 2)
            j = n if j < 0 else j + 2
        elif re.match(r'R"([^(\s]*)\(', src[i:i + 20]) and (
                i == 0 or not (src[i - 1].isalnum() or src[i - 1] == "_")):
            delimiter = re.match(r'R"([^(\s]*)\(', src[i:]).group(1)
            j = src.find(")" + delimiter + '"', i)
            j = n if j < 0 else j + len(delimiter) + 2
        elif src[i] in "\"'":
            quote, j = src[i], i + 1
            while j < n and src[j] != quote and src[j] != "\n":
                j += 2 if src[j] == "\\" else 1
            j += 1
        else:
            out.append(src[i])
            i += 1
            continue
        out.append(blank(src[i:j]))
        i = j
    return "".join(out)


def functions(src):
    """(first line, line count, signature) of each function body in `src`."""
    text = blank_comments_and_strings(src)
    stack, found, last = [], [], 0
    for match in re.finditer(r"[{};]", text):
        char, at = match.group(), match.start()
        if char == "{":
            head = text[last:at]
            outer = stack[-1][0] if stack else "scope"
            if outer in ("function", "block"):
                kind = "block"
            elif re.search(r"\bnamespace\b", head) or 'extern "C"' in src[last:at]:
                kind = "scope"
            elif re.search(r"\b(class|struct|union|enum)\b[^()]*$", head):
                kind = "scope"
            elif "(" in head and not head.rstrip().endswith("="):
                kind = "function"
            else:
                kind = "block"
            stack.append((kind, at, head))
        elif char == "}" and stack:
            kind, start, head = stack.pop()
            if kind == "function":
                first = text.count("\n", 0, start) + 1
                last_line = text.count("\n", 0, at) + 1
                signature = " ".join(head.split())[-80:]
                found.append((first, last_line - first + 1, signature))
        last = at + 1
    return found


def check(root):
    problems = []
    for top in ROOTS:
        for directory, _, files in sorted(os.walk(os.path.join(root, top))):
            for name in sorted(files):
                if not name.endswith((".cc", ".h")):
                    continue
                path = os.path.join(directory, name)
                relative = os.path.relpath(path, root)
                with open(path, encoding="utf-8") as f:
                    src = f.read()
                lines = src.count("\n")
                if name.endswith(".cc") and lines > MAX_FILE_LINES:
                    problems.append(f"{relative}: {lines} 行，超过 {MAX_FILE_LINES} 行")
                for first, count, signature in functions(src):
                    if count > MAX_FUNCTION_LINES:
                        problems.append(
                            f"{relative}:{first}: 函数 {count} 行，超过 "
                            f"{MAX_FUNCTION_LINES} 行：{signature}")
    return problems


class FinderTest(unittest.TestCase):
    def test_counts_a_function_from_brace_to_brace(self):
        src = "namespace a {\nint F(int x) {\n  if (x) {\n    return 1;\n  }\n  return 0;\n}\n}\n"
        self.assertEqual([(f, n) for f, n, _ in functions(src)], [(2, 6)])

    def test_class_members_count_and_lambdas_belong_to_their_function(self):
        src = ("class C {\n public:\n  void M() {\n    auto f = [] { return 1; };\n"
               "  }\n};\nstruct S { int x = 0; };\n")
        self.assertEqual([(f, n) for f, n, _ in functions(src)], [(3, 3)])

    def test_braces_in_comments_and_strings_do_not_count(self):
        src = ('void F() {\n  // }\n  const char* s = "}{";\n'
               '  auto r = R"x(})x";\n  /* { */\n}\n')
        self.assertEqual([(f, n) for f, n, _ in functions(src)], [(1, 6)])

    def test_initializers_are_not_functions(self):
        src = "const std::vector<int> kV = {1, 2};\nint a[] = {f(1)};\n"
        self.assertEqual(functions(src), [])

    def test_a_long_function_is_reported_with_file_and_line(self):
        import tempfile
        with tempfile.TemporaryDirectory() as root:
            os.makedirs(os.path.join(root, "cli"))
            body = "  x();\n" * (MAX_FUNCTION_LINES + 1)
            with open(os.path.join(root, "cli", "long.cc"), "w") as f:
                f.write("void Short() {\n}\n\nvoid Long() {\n" + body + "}\n")
            problems = check(root)
        self.assertEqual(len(problems), 1, problems)
        self.assertTrue(problems[0].startswith("cli/long.cc:4: "), problems[0])


def main(argv):
    if len(argv) == 2 and argv[1] == "--self-test":
        result = unittest.main(argv=argv[:1], exit=False).result
        return 0 if result.wasSuccessful() else 1
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    problems = check(argv[1])
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} 处超出篇幅上限（文件 {MAX_FILE_LINES} 行，"
              f"函数 {MAX_FUNCTION_LINES} 行）", file=sys.stderr)
        return 1
    print(f"篇幅：{'、'.join(ROOTS)} 中无 .cc 文件超过 {MAX_FILE_LINES} 行，"
          f"无函数超过 {MAX_FUNCTION_LINES} 行")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
