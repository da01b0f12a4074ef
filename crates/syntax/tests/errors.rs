//! Syntax errors, each compared with the full text CPython 3.11 prints for the same
//! file (`python3 x.py`), pasted in as literals; the last test holds gilvm's own
//! messages for Python features it does not support.

mod support;

use support::check_error;

#[test]
fn matches_cpython_common() {
    check_error("if x\n    pass\n", "  File \"x.py\", line 1\n    if x\n        ^\nSyntaxError: expected ':'\n");
    check_error("if x:\npass\n", "  File \"x.py\", line 2\n    pass\n    ^\nIndentationError: expected an indented block after 'if' statement on line 1\n");
    check_error("def f()\n  pass\n", "  File \"x.py\", line 1\n    def f()\n           ^\nSyntaxError: expected ':'\n");
    check_error("class A\n  pass\n", "  File \"x.py\", line 1\n    class A\n           ^\nSyntaxError: expected ':'\n");
    check_error("while x\n  pass\n", "  File \"x.py\", line 1\n    while x\n           ^\nSyntaxError: expected ':'\n");
    check_error(
        "for x in y\n  pass\n",
        "  File \"x.py\", line 1\n    for x in y\n              ^\nSyntaxError: expected ':'\n",
    );
    check_error("x = (1,\n2\n", "  File \"x.py\", line 1\n    x = (1,\n        ^\nSyntaxError: '(' was never closed\n");
    check_error("x = 1)\n", "  File \"x.py\", line 1\n    x = 1)\n         ^\nSyntaxError: unmatched ')'\n");
    check_error("x = (1]\n", "  File \"x.py\", line 1\n    x = (1]\n          ^\nSyntaxError: closing parenthesis ']' does not match opening parenthesis '('\n");
    check_error("s = 'abc\n", "  File \"x.py\", line 1\n    s = 'abc\n        ^\nSyntaxError: unterminated string literal (detected at line 1)\n");
    check_error("s = '''abc\n\nx\n", "  File \"x.py\", line 1\n    s = '''abc\n        ^\nSyntaxError: unterminated triple-quoted string literal (detected at line 3)\n");
    check_error(
        "x = 1abc\n",
        "  File \"x.py\", line 1\n    x = 1abc\n        ^\nSyntaxError: invalid decimal literal\n",
    );
    check_error("print 'x'\n", "  File \"x.py\", line 1\n    print 'x'\n    ^^^^^^^^^\nSyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?\n");
    check_error("print x\n", "  File \"x.py\", line 1\n    print x\n    ^^^^^^^\nSyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?\n");
    check_error("print(a b)\n", "  File \"x.py\", line 1\n    print(a b)\n          ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n");
    check_error(
        "[1 2]\n",
        "  File \"x.py\", line 1\n    [1 2]\n     ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n",
    );
    check_error("1 = x\n", "  File \"x.py\", line 1\n    1 = x\n    ^\nSyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?\n");
    check_error("f() = 1\n", "  File \"x.py\", line 1\n    f() = 1\n    ^^^\nSyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?\n");
    check_error("x + 1 = 2\n", "  File \"x.py\", line 1\n    x + 1 = 2\n    ^^^^^\nSyntaxError: cannot assign to expression here. Maybe you meant '==' instead of '='?\n");
    check_error(
        "(1, 2) = x\n",
        "  File \"x.py\", line 1\n    (1, 2) = x\n     ^\nSyntaxError: cannot assign to literal\n",
    );
    check_error("del 1\n", "  File \"x.py\", line 1\n    del 1\n        ^\nSyntaxError: cannot delete literal\n");
    check_error(
        "for 1 in x: pass\n",
        "  File \"x.py\", line 1\n    for 1 in x: pass\n        ^\nSyntaxError: cannot assign to literal\n",
    );
    check_error("1 += 1\n", "  File \"x.py\", line 1\n    1 += 1\n    ^\nSyntaxError: 'literal' is an illegal expression for augmented assignment\n");
    check_error("f() += 1\n", "  File \"x.py\", line 1\n    f() += 1\n    ^^^\nSyntaxError: 'function call' is an illegal expression for augmented assignment\n");
    check_error(
        "with a as 1: pass\n",
        "  File \"x.py\", line 1\n    with a as 1: pass\n              ^\nSyntaxError: cannot assign to literal\n",
    );
    check_error("  x = 1\n", "  File \"x.py\", line 1\n    x = 1\nIndentationError: unexpected indent\n");
    check_error("if x:\n    a\n  b\n", "  File \"x.py\", line 3\n    b\n     ^\nIndentationError: unindent does not match any outer indentation level\n");
    check_error(
        "if x:\n\ta\n        b\n",
        "  File \"x.py\", line 3\n    b\nTabError: inconsistent use of tabs and spaces in indentation\n",
    );
    check_error(
        "x = f'{}'\n",
        "  File \"x.py\", line 1\n    x = f'{}'\n             ^\nSyntaxError: f-string: empty expression not allowed\n",
    );
    check_error(
        "x = f'{a'\n",
        "  File \"x.py\", line 1\n    x = f'{a'\n             ^\nSyntaxError: f-string: expecting '}'\n",
    );
    check_error(
        "x = €\n",
        "  File \"x.py\", line 1\n    x = €\n        ^\nSyntaxError: invalid character '€' (U+20AC)\n",
    );
    check_error("x = (\n", "  File \"x.py\", line 1\n    x = (\n        ^\nSyntaxError: '(' was never closed\n");
    check_error("if x:\n", "  File \"x.py\", line 1\n    if x:\nIndentationError: expected an indented block after 'if' statement on line 1\n");
    check_error("x = 1 +\n", "  File \"x.py\", line 1\n    x = 1 +\n           ^\nSyntaxError: invalid syntax\n");
    check_error("x = [\n1,\n2\n", "  File \"x.py\", line 1\n    x = [\n        ^\nSyntaxError: '[' was never closed\n");
    check_error(
        "if x:\n    pass\nelse\n    pass\n",
        "  File \"x.py\", line 3\n    else\n        ^\nSyntaxError: expected ':'\n",
    );
    check_error("a, b += 1\n", "  File \"x.py\", line 1\n    a, b += 1\n    ^^^^\nSyntaxError: 'tuple' is an illegal expression for augmented assignment\n");
    check_error("x = yield = 3\n", "  File \"x.py\", line 1\n    x = yield = 3\n        ^^^^^\nSyntaxError: assignment to yield expression not possible\n");
    check_error("f(**a, *b)\n", "  File \"x.py\", line 1\n    f(**a, *b)\n           ^\nSyntaxError: iterable argument unpacking follows keyword argument unpacking\n");
    check_error("f(a=1, b)\n", "  File \"x.py\", line 1\n    f(a=1, b)\n            ^\nSyntaxError: positional argument follows keyword argument\n");
    check_error("x = $\n", "  File \"x.py\", line 1\n    x = $\n        ^\nSyntaxError: invalid syntax\n");
    check_error(
        "x = 'a' 'b' c\n",
        "  File \"x.py\", line 1\n    x = 'a' 'b' c\n                ^\nSyntaxError: invalid syntax\n",
    );
    check_error(
        "x = 5 if y\n",
        "  File \"x.py\", line 1\n    x = 5 if y\n        ^^^^^^\nSyntaxError: expected 'else' after 'if' expression\n",
    );
    check_error("def f(x):\n    return\n  x\n", "  File \"x.py\", line 3\n    x\n     ^\nIndentationError: unindent does not match any outer indentation level\n");
}

#[test]
fn matches_cpython_literals() {
    check_error("x = 012\n", "  File \"x.py\", line 1\n    x = 012\n        ^\nSyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers\n");
    check_error("x = 1_\n", "  File \"x.py\", line 1\n    x = 1_\n         ^\nSyntaxError: invalid decimal literal\n");
    check_error(
        "x = 1__0\n",
        "  File \"x.py\", line 1\n    x = 1__0\n         ^\nSyntaxError: invalid decimal literal\n",
    );
    check_error(
        "x = 0x\n",
        "  File \"x.py\", line 1\n    x = 0x\n         ^\nSyntaxError: invalid hexadecimal literal\n",
    );
    check_error(
        "x = 0xg\n",
        "  File \"x.py\", line 1\n    x = 0xg\n         ^\nSyntaxError: invalid hexadecimal literal\n",
    );
    check_error(
        "x = 0b2\n",
        "  File \"x.py\", line 1\n    x = 0b2\n          ^\nSyntaxError: invalid digit '2' in binary literal\n",
    );
    check_error(
        "x = 0o8\n",
        "  File \"x.py\", line 1\n    x = 0o8\n          ^\nSyntaxError: invalid digit '8' in octal literal\n",
    );
    check_error(
        "x = 0b1_\n",
        "  File \"x.py\", line 1\n    x = 0b1_\n           ^\nSyntaxError: invalid binary literal\n",
    );
    check_error(
        "x = 1.5e\n",
        "  File \"x.py\", line 1\n    x = 1.5e\n          ^\nSyntaxError: invalid decimal literal\n",
    );
    check_error(
        "x = 1.5e+\n",
        "  File \"x.py\", line 1\n    x = 1.5e+\n            ^\nSyntaxError: invalid decimal literal\n",
    );
    check_error(
        "x = 1e5x\n",
        "  File \"x.py\", line 1\n    x = 1e5x\n          ^\nSyntaxError: invalid decimal literal\n",
    );
    check_error(
        "x = 1._5\n",
        "  File \"x.py\", line 1\n    x = 1._5\n         ^\nSyntaxError: invalid decimal literal\n",
    );
    check_error(
        "x = 1.__class__\n",
        "  File \"x.py\", line 1\n    x = 1.__class__\n         ^\nSyntaxError: invalid decimal literal\n",
    );
    check_error("x = 09\n", "  File \"x.py\", line 1\n    x = 09\n        ^\nSyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers\n");
    check_error("x = 0b\n", "  File \"x.py\", line 1\n    x = 0b\n         ^\nSyntaxError: invalid binary literal\n");
    check_error("x = 0o\n", "  File \"x.py\", line 1\n    x = 0o\n         ^\nSyntaxError: invalid octal literal\n");
    check_error(
        "x = 0b12\n",
        "  File \"x.py\", line 1\n    x = 0b12\n           ^\nSyntaxError: invalid digit '2' in binary literal\n",
    );
    check_error("x = 1e\n", "  File \"x.py\", line 1\n    x = 1e\n        ^\nSyntaxError: invalid decimal literal\n");
    check_error("x = '\\xz'\n", "  File \"x.py\", line 1\n    x = '\\xz'\n             ^\nSyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \\xXX escape\n");
    check_error("x = '\\u12'\n", "  File \"x.py\", line 1\n    x = '\\u12'\n              ^\nSyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \\uXXXX escape\n");
    check_error("x = '\\U12345678'\n", "  File \"x.py\", line 1\n    x = '\\U12345678'\n                    ^\nSyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character\n");
    check_error("x = ur'x'\n", "  File \"x.py\", line 1\n    x = ur'x'\n          ^^^\nSyntaxError: invalid syntax\n");
    check_error("x = 'a\\", "  File \"x.py\", line 1\n    x = 'a\\\n        ^\nSyntaxError: unterminated string literal (detected at line 1)\n");
    check_error("x = \"\"\"ab\"", "  File \"x.py\", line 1\n    x = \"\"\"ab\"\n        ^\nSyntaxError: unterminated triple-quoted string literal (detected at line 1)\n");
    check_error("x = 'abc", "  File \"x.py\", line 1\n    x = 'abc\n        ^\nSyntaxError: unterminated string literal (detected at line 1)\n");
    check_error("x = 1 \\ 2\n", "  File \"x.py\", line 1\n    x = 1 \\ 2\n           ^\nSyntaxError: unexpected character after line continuation character\n");
    check_error("\\\n", "  File \"x.py\", line 1\n    \\\nSyntaxError: unexpected EOF while parsing\n");
    check_error(
        "x = 1\\",
        "  File \"x.py\", line 1\n    x = 1\\\n          ^\nSyntaxError: unexpected EOF while parsing\n",
    );
    check_error(
        "a = \u{1}\n",
        "  File \"x.py\", line 1\n    a = \u{1}\n        ^\nSyntaxError: invalid non-printable character U+0001\n",
    );
    check_error("a = `x`\n", "  File \"x.py\", line 1\n    a = `x`\n        ^\nSyntaxError: invalid syntax\n");
    check_error("a = ?\n", "  File \"x.py\", line 1\n    a = ?\n        ^\nSyntaxError: invalid syntax\n");
    check_error("a = !\n", "  File \"x.py\", line 1\n    a = !\n        ^\nSyntaxError: invalid syntax\n");
    check_error("a = 1 ! 2\n", "  File \"x.py\", line 1\n    a = 1 ! 2\n          ^\nSyntaxError: invalid syntax\n");
    check_error(
        "x = 'ab' f'{x' \n",
        "  File \"x.py\", line 1\n    x = 'ab' f'{x' \n                   ^\nSyntaxError: f-string: expecting '}'\n",
    );
}

#[test]
fn matches_cpython_fstrings() {
    check_error(
        "x = f'}'\n",
        "  File \"x.py\", line 1\n    x = f'}'\n            ^\nSyntaxError: f-string: single '}' is not allowed\n",
    );
    check_error("x = f'{a!x}'\n", "  File \"x.py\", line 1\n    x = f'{a!x}'\n                ^\nSyntaxError: f-string: invalid conversion character: expected 's', 'r', or 'a'\n");
    check_error("x = f'{a!}'\n", "  File \"x.py\", line 1\n    x = f'{a!}'\n               ^\nSyntaxError: f-string: invalid conversion character: expected 's', 'r', or 'a'\n");
    check_error("x = f'{a:{b:{c}}}'\n", "  File \"x.py\", line 1\n    x = f'{a:{b:{c}}}'\n                      ^\nSyntaxError: f-string: expressions nested too deeply\n");
    check_error("x = f'{a\\n}'\n", "  File \"x.py\", line 1\n    x = f'{a\\n}'\n                ^\nSyntaxError: f-string expression part cannot include a backslash\n");
    check_error("x = f'{a#}'\n", "  File \"x.py\", line 1\n    x = f'{a#}'\n               ^\nSyntaxError: f-string expression part cannot include '#'\n");
    check_error("x = f'{ }'\n", "  File \"x.py\", line 1\n    x = f'{ }'\n              ^\nSyntaxError: f-string: empty expression not allowed\n");
    check_error("x = f'{!r}'\n", "  File \"x.py\", line 1\n    x = f'{!r}'\n               ^\nSyntaxError: f-string: expression required before '!'\n");
    check_error("x = f'{=}'\n", "  File \"x.py\", line 1\n    x = f'{=}'\n              ^\nSyntaxError: f-string: expression required before '='\n");
    check_error("x = f'{a:{}}'\n", "  File \"x.py\", line 1\n    x = f'{a:{}}'\n                 ^\nSyntaxError: f-string: empty expression not allowed\n");
    check_error(
        "x = f'{'a'}'\n",
        "  File \"x.py\", line 1\n    x = f'{'a'}'\n            ^\nSyntaxError: f-string: expecting '}'\n",
    );
    check_error(
        "x = f'{a)}'\n",
        "  File \"x.py\", line 1\n    x = f'{a)}'\n               ^\nSyntaxError: f-string: unmatched ')'\n",
    );
    check_error("x = f'{a[}'\n", "  File \"x.py\", line 1\n    x = f'{a[}'\n               ^\nSyntaxError: f-string: closing parenthesis '}' does not match opening parenthesis '['\n");
    check_error(
        "x = f'{a!r x}'\n",
        "  File \"x.py\", line 1\n    x = f'{a!r x}'\n                  ^\nSyntaxError: f-string: expecting '}'\n",
    );
}

#[test]
fn matches_cpython_targets_arguments_and_blocks() {
    check_error("True = 1\n", "  File \"x.py\", line 1\n    True = 1\n    ^^^^\nSyntaxError: cannot assign to True\n");
    check_error("None = 1\n", "  File \"x.py\", line 1\n    None = 1\n    ^^^^\nSyntaxError: cannot assign to None\n");
    check_error("... = 1\n", "  File \"x.py\", line 1\n    ... = 1\n    ^^^\nSyntaxError: cannot assign to ellipsis here. Maybe you meant '==' instead of '='?\n");
    check_error("a.b() = 1\n", "  File \"x.py\", line 1\n    a.b() = 1\n    ^^^^^\nSyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?\n");
    check_error("-x = 1\n", "  File \"x.py\", line 1\n    -x = 1\n    ^^\nSyntaxError: cannot assign to expression here. Maybe you meant '==' instead of '='?\n");
    check_error(
        "not x = 1\n",
        "  File \"x.py\", line 1\n    not x = 1\n    ^^^^^\nSyntaxError: cannot assign to expression\n",
    );
    check_error(
        "a < b = 1\n",
        "  File \"x.py\", line 1\n    a < b = 1\n    ^^^^^\nSyntaxError: cannot assign to comparison\n",
    );
    check_error(
        "[a, 1] = x\n",
        "  File \"x.py\", line 1\n    [a, 1] = x\n        ^\nSyntaxError: cannot assign to literal\n",
    );
    check_error("a, f() = x\n", "  File \"x.py\", line 1\n    a, f() = x\n       ^^^\nSyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?\n");
    check_error(
        "x = 1 = 2\n",
        "  File \"x.py\", line 1\n    x = 1 = 2\n        ^\nSyntaxError: cannot assign to literal\n",
    );
    check_error("f(x for x in y) = 1\n", "  File \"x.py\", line 1\n    f(x for x in y) = 1\n    ^^^^^^^^^^^^^^^\nSyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?\n");
    check_error(
        "x = y = f() = 3\n",
        "  File \"x.py\", line 1\n    x = y = f() = 3\n            ^^^\nSyntaxError: cannot assign to function call\n",
    );
    check_error(
        "x = f() = 3\n",
        "  File \"x.py\", line 1\n    x = f() = 3\n        ^^^\nSyntaxError: cannot assign to function call\n",
    );
    check_error("f() = 1, 2\n", "  File \"x.py\", line 1\n    f() = 1, 2\n    ^^^\nSyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?\n");
    check_error(
        "f() = y = 3\n",
        "  File \"x.py\", line 1\n    f() = y = 3\n    ^^^\nSyntaxError: cannot assign to function call\n",
    );
    check_error("*a = 1\n", "  File \"x.py\", line 1\n    *a = 1\n    ^^\nSyntaxError: starred assignment target must be in a list or tuple\n");
    check_error("*a, *b = c\n", "  File \"x.py\", line 1\n    *a, *b = c\n    ^^^^^^\nSyntaxError: multiple starred expressions in assignment\n");
    check_error(
        "a and b = 1\n",
        "  File \"x.py\", line 1\n    a and b = 1\n    ^^^^^^^\nSyntaxError: cannot assign to expression\n",
    );
    check_error("x if y else z = 1\n", "  File \"x.py\", line 1\n    x if y else z = 1\n    ^^^^^^^^^^^^^\nSyntaxError: cannot assign to conditional expression\n");
    check_error(
        "lambda: 1 = 1\n",
        "  File \"x.py\", line 1\n    lambda: 1 = 1\n    ^^^^^^^^^\nSyntaxError: cannot assign to lambda\n",
    );
    check_error("[x for x in y] = 1\n", "  File \"x.py\", line 1\n    [x for x in y] = 1\n    ^^^^^^^^^^^^^^\nSyntaxError: cannot assign to list comprehension here. Maybe you meant '==' instead of '='?\n");
    check_error("{a: 1} = 2\n", "  File \"x.py\", line 1\n    {a: 1} = 2\n    ^^^^^^\nSyntaxError: cannot assign to dict literal here. Maybe you meant '==' instead of '='?\n");
    check_error("{a} = 2\n", "  File \"x.py\", line 1\n    {a} = 2\n    ^^^\nSyntaxError: cannot assign to set display here. Maybe you meant '==' instead of '='?\n");
    check_error("f'{x}' = 1\n", "  File \"x.py\", line 1\n    f'{x}' = 1\n    ^^^^^^\nSyntaxError: cannot assign to f-string expression here. Maybe you meant '==' instead of '='?\n");
    check_error("'abc' = 1\n", "  File \"x.py\", line 1\n    'abc' = 1\n    ^^^^^\nSyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?\n");
    check_error("(yield) = 1\n", "  File \"x.py\", line 1\n    (yield) = 1\n     ^^^^^\nSyntaxError: cannot assign to yield expression here. Maybe you meant '==' instead of '='?\n");
    check_error("(a := 1) = 2\n", "  File \"x.py\", line 1\n    (a := 1) = 2\n     ^^^^^^\nSyntaxError: cannot assign to named expression here. Maybe you meant '==' instead of '='?\n");
    check_error("a = b += 1\n", "  File \"x.py\", line 1\n    a = b += 1\n          ^^\nSyntaxError: invalid syntax\n");
    check_error("(a, b) += 1\n", "  File \"x.py\", line 1\n    (a, b) += 1\n    ^^^^^^\nSyntaxError: 'tuple' is an illegal expression for augmented assignment\n");
    check_error("[a] += 1\n", "  File \"x.py\", line 1\n    [a] += 1\n    ^^^\nSyntaxError: 'list' is an illegal expression for augmented assignment\n");
    check_error(
        "a, b: int\n",
        "  File \"x.py\", line 1\n    a, b: int\n    ^\nSyntaxError: only single target (not tuple) can be annotated\n",
    );
    check_error(
        "[a]: int\n",
        "  File \"x.py\", line 1\n    [a]: int\n    ^^^\nSyntaxError: only single target (not list) can be annotated\n",
    );
    check_error(
        "f(): int\n",
        "  File \"x.py\", line 1\n    f(): int\n    ^^^\nSyntaxError: illegal target for annotation\n",
    );
    check_error(
        "del f()\n",
        "  File \"x.py\", line 1\n    del f()\n        ^^^\nSyntaxError: cannot delete function call\n",
    );
    check_error(
        "del (a, 1)\n",
        "  File \"x.py\", line 1\n    del (a, 1)\n            ^\nSyntaxError: cannot delete literal\n",
    );
    check_error("del *a\n", "  File \"x.py\", line 1\n    del *a\n        ^^\nSyntaxError: cannot delete starred\n");
    check_error(
        "del a + b\n",
        "  File \"x.py\", line 1\n    del a + b\n        ^^^^^\nSyntaxError: cannot delete expression\n",
    );
    check_error(
        "for f() in x: pass\n",
        "  File \"x.py\", line 1\n    for f() in x: pass\n        ^^^\nSyntaxError: cannot assign to function call\n",
    );
    check_error(
        "for a, 1 in x: pass\n",
        "  File \"x.py\", line 1\n    for a, 1 in x: pass\n           ^\nSyntaxError: cannot assign to literal\n",
    );
    check_error(
        "[x for 1 in y]\n",
        "  File \"x.py\", line 1\n    [x for 1 in y]\n           ^\nSyntaxError: cannot assign to literal\n",
    );
    check_error("with a as f(): pass\n", "  File \"x.py\", line 1\n    with a as f(): pass\n              ^^^\nSyntaxError: cannot assign to function call\n");
    check_error("with a as (b, 1): pass\n", "  File \"x.py\", line 1\n    with a as (b, 1): pass\n                  ^\nSyntaxError: cannot assign to literal\n");
    check_error("if x = 1: pass\n", "  File \"x.py\", line 1\n    if x = 1: pass\n       ^^^^^\nSyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?\n");
    check_error("if x.y = 1: pass\n", "  File \"x.py\", line 1\n    if x.y = 1: pass\n       ^^^\nSyntaxError: cannot assign to attribute here. Maybe you meant '==' instead of '='?\n");
    check_error("if 1 = x: pass\n", "  File \"x.py\", line 1\n    if 1 = x: pass\n       ^\nSyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?\n");
    check_error("[x = 1]\n", "  File \"x.py\", line 1\n    [x = 1]\n     ^^^^^\nSyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?\n");
    check_error("f(a.b=1)\n", "  File \"x.py\", line 1\n    f(a.b=1)\n      ^^^^\nSyntaxError: expression cannot contain assignment, perhaps you meant \"==\"?\n");
    check_error(
        "f(True=1)\n",
        "  File \"x.py\", line 1\n    f(True=1)\n      ^^^^^\nSyntaxError: cannot assign to True\n",
    );
    check_error("f(x for x in y, 1)\n", "  File \"x.py\", line 1\n    f(x for x in y, 1)\n      ^^^^^^^^^^^^\nSyntaxError: Generator expression must be parenthesized\n");
    check_error("f(1, x for x in y)\n", "  File \"x.py\", line 1\n    f(1, x for x in y)\n         ^^^^^^^^^^^^\nSyntaxError: Generator expression must be parenthesized\n");
    check_error("f(**k, a)\n", "  File \"x.py\", line 1\n    f(**k, a)\n            ^\nSyntaxError: positional argument follows keyword argument unpacking\n");
    check_error(
        "f(a=1, a=2)\n",
        "  File \"x.py\", line 1\n    f(a=1, a=2)\n           ^^^\nSyntaxError: keyword argument repeated: a\n",
    );
    check_error(
        "(*a)\n",
        "  File \"x.py\", line 1\n    (*a)\n     ^^\nSyntaxError: cannot use starred expression here\n",
    );
    check_error(
        "x = *a\n",
        "  File \"x.py\", line 1\n    x = *a\n        ^^\nSyntaxError: can't use starred expression here\n",
    );
    check_error("*a\n", "  File \"x.py\", line 1\n    *a\n    ^^\nSyntaxError: can't use starred expression here\n");
    check_error("def f(a=1, b): pass\n", "  File \"x.py\", line 1\n    def f(a=1, b): pass\n               ^\nSyntaxError: non-default argument follows default argument\n");
    check_error("def f(*, **k): pass\n", "  File \"x.py\", line 1\n    def f(*, **k): pass\n          ^\nSyntaxError: named arguments must follow bare *\n");
    check_error(
        "def f(*): pass\n",
        "  File \"x.py\", line 1\n    def f(*): pass\n          ^\nSyntaxError: named arguments must follow bare *\n",
    );
    check_error("def f(*a, *b): pass\n", "  File \"x.py\", line 1\n    def f(*a, *b): pass\n              ^\nSyntaxError: * argument may appear only once\n");
    check_error("def f(**k, a): pass\n", "  File \"x.py\", line 1\n    def f(**k, a): pass\n               ^\nSyntaxError: arguments cannot follow var-keyword argument\n");
    check_error("def f(a, a): pass\n", "  File \"x.py\", line 1\n    def f(a, a): pass\n             ^\nSyntaxError: duplicate argument 'a' in function definition\n");
    check_error("lambda a=1, b: 0\n", "  File \"x.py\", line 1\n    lambda a=1, b: 0\n                ^\nSyntaxError: non-default argument follows default argument\n");
    check_error("def f:\n  pass\n", "  File \"x.py\", line 1\n    def f:\n         ^\nSyntaxError: expected '('\n");
    check_error(
        "def f() x:\n  pass\n",
        "  File \"x.py\", line 1\n    def f() x:\n            ^\nSyntaxError: expected ':'\n",
    );
    check_error(
        "for x in y z:\n  pass\n",
        "  File \"x.py\", line 1\n    for x in y z:\n               ^\nSyntaxError: invalid syntax\n",
    );
    check_error(
        "for x y in z:\n  pass\n",
        "  File \"x.py\", line 1\n    for x y in z:\n          ^\nSyntaxError: invalid syntax\n",
    );
    check_error("try\n  pass\n", "  File \"x.py\", line 1\n    try\n       ^\nSyntaxError: expected ':'\n");
    check_error(
        "try:\n  pass\nfinally\n  pass\n",
        "  File \"x.py\", line 3\n    finally\n           ^\nSyntaxError: expected ':'\n",
    );
    check_error(
        "try:\n  pass\nexcept\n  pass\n",
        "  File \"x.py\", line 3\n    except\n          ^\nSyntaxError: expected ':'\n",
    );
    check_error(
        "try:\n  pass\nexcept E\n  pass\n",
        "  File \"x.py\", line 3\n    except E\n            ^\nSyntaxError: expected ':'\n",
    );
    check_error("with a\n  pass\n", "  File \"x.py\", line 1\n    with a\n          ^\nSyntaxError: expected ':'\n");
    check_error("elif x:\n pass\n", "  File \"x.py\", line 1\n    elif x:\n    ^^^^\nSyntaxError: invalid syntax\n");
    check_error(
        "if x:\n  pass\nelif y\n  pass\n",
        "  File \"x.py\", line 3\n    elif y\n          ^\nSyntaxError: expected ':'\n",
    );
    check_error(
        "class A(B)\n  pass\n",
        "  File \"x.py\", line 1\n    class A(B)\n              ^\nSyntaxError: expected ':'\n",
    );
    check_error(
        "while x y:\n  pass\n",
        "  File \"x.py\", line 1\n    while x y:\n            ^\nSyntaxError: invalid syntax\n",
    );
    check_error("if x y:\n  pass\n", "  File \"x.py\", line 1\n    if x y:\n         ^\nSyntaxError: invalid syntax\n");
    check_error(
        "x = 1 if y else\n",
        "  File \"x.py\", line 1\n    x = 1 if y else\n                   ^\nSyntaxError: invalid syntax\n",
    );
    check_error(
        "from import x\n",
        "  File \"x.py\", line 1\n    from import x\n         ^^^^^^\nSyntaxError: invalid syntax\n",
    );
    check_error("from a import b,\n", "  File \"x.py\", line 1\n    from a import b,\n                    ^\nSyntaxError: trailing comma not allowed without surrounding parentheses\n");
    check_error("import a,\n", "  File \"x.py\", line 1\n    import a,\n             ^\nSyntaxError: invalid syntax\n");
    check_error(
        "x = [1, 2\n",
        "  File \"x.py\", line 1\n    x = [1, 2\n        ^\nSyntaxError: '[' was never closed\n",
    );
    check_error(
        "f(a b c)\n",
        "  File \"x.py\", line 1\n    f(a b c)\n      ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n",
    );
    check_error("f(a, b c)\n", "  File \"x.py\", line 1\n    f(a, b c)\n         ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n");
    check_error("f(a + b c)\n", "  File \"x.py\", line 1\n    f(a + b c)\n      ^^^^^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n");
    check_error("x = {1: 2 3: 4}\n", "  File \"x.py\", line 1\n    x = {1: 2 3: 4}\n            ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n");
    check_error("x = (1 2)\n", "  File \"x.py\", line 1\n    x = (1 2)\n         ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n");
    check_error(
        "f(x for x in y z)\n",
        "  File \"x.py\", line 1\n    f(x for x in y z)\n                   ^\nSyntaxError: invalid syntax\n",
    );
    check_error("print 'a', x\n", "  File \"x.py\", line 1\n    print 'a', x\n    ^^^^^^^^^^^^\nSyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?\n");
    check_error("print x y\n", "  File \"x.py\", line 1\n    print x y\n    ^^^^^^^\nSyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?\n");
    check_error("exec 'x'\n", "  File \"x.py\", line 1\n    exec 'x'\n    ^^^^^^^^\nSyntaxError: Missing parentheses in call to 'exec'. Did you mean exec(...)?\n");
    check_error(
        "def f():\n  x = 1\n    y = 2\n",
        "  File \"x.py\", line 3\n    y = 2\nIndentationError: unexpected indent\n",
    );
    check_error(
        "if x:\n  pass\n  else:\n  pass\n",
        "  File \"x.py\", line 3\n    else:\n    ^^^^\nSyntaxError: invalid syntax\n",
    );
    check_error("def f():\n    if x:\n", "  File \"x.py\", line 2\n    if x:\nIndentationError: expected an indented block after 'if' statement on line 2\n");
    check_error("def f():\n    if x:\ny = 1\n", "  File \"x.py\", line 3\n    y = 1\nIndentationError: expected an indented block after 'if' statement on line 2\n");
    check_error("for x in y:\n", "  File \"x.py\", line 1\n    for x in y:\nIndentationError: expected an indented block after 'for' statement on line 1\n");
    check_error("class A:\n", "  File \"x.py\", line 1\n    class A:\nIndentationError: expected an indented block after class definition on line 1\n");
    check_error("try:\n", "  File \"x.py\", line 1\n    try:\nIndentationError: expected an indented block after 'try' statement on line 1\n");
    check_error("try:\n  pass\nexcept:\n", "  File \"x.py\", line 3\n    except:\nIndentationError: expected an indented block after 'except' statement on line 3\n");
    check_error("with a:\n", "  File \"x.py\", line 1\n    with a:\nIndentationError: expected an indented block after 'with' statement on line 1\n");
    check_error("while x:\n", "  File \"x.py\", line 1\n    while x:\nIndentationError: expected an indented block after 'while' statement on line 1\n");
    check_error("if x:\n  pass\nelse:\n", "  File \"x.py\", line 3\n    else:\nIndentationError: expected an indented block after 'else' statement on line 3\n");
    check_error("if x:\n  pass\nelif y:\n", "  File \"x.py\", line 3\n    elif y:\nIndentationError: expected an indented block after 'elif' statement on line 3\n");
    check_error("try:\n  pass\nfinally:\n", "  File \"x.py\", line 3\n    finally:\nIndentationError: expected an indented block after 'finally' statement on line 3\n");
    check_error("if x:\n    a\n  b = 1\n", "  File \"x.py\", line 3\n    b = 1\n         ^\nIndentationError: unindent does not match any outer indentation level\n");
    check_error("\tif x:\n", "  File \"x.py\", line 1\n    if x:\nIndentationError: unexpected indent\n");
    check_error(
        "if x:\n\tpass\n        pass\n",
        "  File \"x.py\", line 3\n    pass\nTabError: inconsistent use of tabs and spaces in indentation\n",
    );
    check_error(
        "if x:\n        pass\n\tpass\n",
        "  File \"x.py\", line 3\n    pass\nTabError: inconsistent use of tabs and spaces in indentation\n",
    );
    check_error("if x:\n  if y:\n    pass\n pass\n", "  File \"x.py\", line 4\n    pass\n        ^\nIndentationError: unindent does not match any outer indentation level\n");
    check_error("x = (1,\n[2\n", "  File \"x.py\", line 2\n    [2\n    ^\nSyntaxError: '[' was never closed\n");
    check_error(
        "x = 1 +\\\n",
        "  File \"x.py\", line 1\n    x = 1 +\\\n            ^\nSyntaxError: unexpected EOF while parsing\n",
    );
    check_error(
        "x = 1 \\\n",
        "  File \"x.py\", line 1\n    x = 1 \\\n           ^\nSyntaxError: unexpected EOF while parsing\n",
    );
    check_error(
        "a = 1; b = 2;; c\n",
        "  File \"x.py\", line 1\n    a = 1; b = 2;; c\n                 ^\nSyntaxError: invalid syntax\n",
    );
    check_error(";\n", "  File \"x.py\", line 1\n    ;\n    ^\nSyntaxError: invalid syntax\n");
    check_error("x = (\n1 +\n)\n", "  File \"x.py\", line 3\n    )\n    ^\nSyntaxError: invalid syntax\n");
    check_error(
        "class A: pass\nclass\n",
        "  File \"x.py\", line 2\n    class\n         ^\nSyntaxError: invalid syntax\n",
    );
    check_error("x = [1, 2)]\n", "  File \"x.py\", line 1\n    x = [1, 2)]\n             ^\nSyntaxError: closing parenthesis ')' does not match opening parenthesis '['\n");
    check_error("f(]\n", "  File \"x.py\", line 1\n    f(]\n      ^\nSyntaxError: closing parenthesis ']' does not match opening parenthesis '('\n");
    check_error("if True:\n    x = (\n  1)\n  y = 2\n", "  File \"x.py\", line 4\n    y = 2\n         ^\nIndentationError: unindent does not match any outer indentation level\n");
}

#[test]
fn matches_cpython_more() {
    check_error("if x:\n  a\n    b\n", "  File \"x.py\", line 3\n    b\nIndentationError: unexpected indent\n");
    check_error("x\n  y\n", "  File \"x.py\", line 2\n    y\nIndentationError: unexpected indent\n");
    check_error(
        "x = (1 + 2\ny = 3\n",
        "  File \"x.py\", line 1\n    x = (1 + 2\n        ^\nSyntaxError: '(' was never closed\n",
    );
    check_error("foo(\n", "  File \"x.py\", line 1\n    foo(\n       ^\nSyntaxError: '(' was never closed\n");
    check_error("d = {'a': 1, 'b' 2}\n", "  File \"x.py\", line 1\n    d = {'a': 1, 'b' 2}\n                   ^\nSyntaxError: ':' expected after dictionary key\n");
    check_error("x = [1, 2 3]\n", "  File \"x.py\", line 1\n    x = [1, 2 3]\n            ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n");
    check_error("f(a)(b c)\n", "  File \"x.py\", line 1\n    f(a)(b c)\n         ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n");
    check_error("x = '''a\nb\n", "  File \"x.py\", line 1\n    x = '''a\n        ^\nSyntaxError: unterminated triple-quoted string literal (detected at line 2)\n");
    check_error("class A:\n    def f(self):\n        pass\n  x = 1\n", "  File \"x.py\", line 4\n    x = 1\n         ^\nIndentationError: unindent does not match any outer indentation level\n");
    check_error(
        "def f():\n    x = [\n        1,\n    y = 2\n",
        "  File \"x.py\", line 2\n    x = [\n        ^\nSyntaxError: '[' was never closed\n",
    );
    check_error("x = )\n", "  File \"x.py\", line 1\n    x = )\n        ^\nSyntaxError: unmatched ')'\n");
    check_error("x = }\n", "  File \"x.py\", line 1\n    x = }\n        ^\nSyntaxError: unmatched '}'\n");
    check_error("for x in range(3):\npass\n", "  File \"x.py\", line 2\n    pass\n    ^\nIndentationError: expected an indented block after 'for' statement on line 1\n");
    check_error("while True:\n# c\nx = 1\n", "  File \"x.py\", line 3\n    x = 1\n    ^\nIndentationError: expected an indented block after 'while' statement on line 1\n");
    check_error("def f():\n\n\n", "  File \"x.py\", line 3\n    \nIndentationError: expected an indented block after function definition on line 1\n");
    check_error("class C:\n    # only a comment\n", "  File \"x.py\", line 2\n    # only a comment\nIndentationError: expected an indented block after class definition on line 1\n");
    check_error("if x:\n    pass\n  elif y:\n    pass\n", "  File \"x.py\", line 3\n    elif y:\n           ^\nIndentationError: unindent does not match any outer indentation level\n");
    check_error(
        "x = (1,\n     2,\n",
        "  File \"x.py\", line 1\n    x = (1,\n        ^\nSyntaxError: '(' was never closed\n",
    );
    check_error("s = \"abc\n", "  File \"x.py\", line 1\n    s = \"abc\n        ^\nSyntaxError: unterminated string literal (detected at line 1)\n");
    check_error("s = r'abc\\'\n", "  File \"x.py\", line 1\n    s = r'abc\\'\n        ^\nSyntaxError: unterminated string literal (detected at line 1)\n");
    check_error("print 'hello', name\n", "  File \"x.py\", line 1\n    print 'hello', name\n    ^^^^^^^^^^^^^^^^^^^\nSyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?\n");
    check_error("print x, y\n", "  File \"x.py\", line 1\n    print x, y\n    ^^^^^^^^^^\nSyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?\n");
    check_error(
        "x = [a for a in b c]\n",
        "  File \"x.py\", line 1\n    x = [a for a in b c]\n                      ^\nSyntaxError: invalid syntax\n",
    );
    check_error("f(a, b=1 c=2)\n", "  File \"x.py\", line 1\n    f(a, b=1 c=2)\n           ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n");
    check_error("x = {1 2}\n", "  File \"x.py\", line 1\n    x = {1 2}\n         ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n");
    check_error(
        "if x == 1\n    pass\n",
        "  File \"x.py\", line 1\n    if x == 1\n             ^\nSyntaxError: expected ':'\n",
    );
    check_error(
        "def f(x) -> int\n    pass\n",
        "  File \"x.py\", line 1\n    def f(x) -> int\n                   ^\nSyntaxError: expected ':'\n",
    );
    check_error(
        "lambda x x: 1\n",
        "  File \"x.py\", line 1\n    lambda x x: 1\n             ^\nSyntaxError: invalid syntax\n",
    );
    check_error(
        "x = a if b\n",
        "  File \"x.py\", line 1\n    x = a if b\n        ^^^^^^\nSyntaxError: expected 'else' after 'if' expression\n",
    );
    check_error("x = (a if b)\n", "  File \"x.py\", line 1\n    x = (a if b)\n         ^^^^^^\nSyntaxError: expected 'else' after 'if' expression\n");
    check_error(
        "x = 1 if 2 else\n",
        "  File \"x.py\", line 1\n    x = 1 if 2 else\n                   ^\nSyntaxError: invalid syntax\n",
    );
    check_error("import\n", "  File \"x.py\", line 1\n    import\n          ^\nSyntaxError: invalid syntax\n");
    check_error(
        "from x import\n",
        "  File \"x.py\", line 1\n    from x import\n                 ^\nSyntaxError: invalid syntax\n",
    );
    check_error("x = 1 2\n", "  File \"x.py\", line 1\n    x = 1 2\n          ^\nSyntaxError: invalid syntax\n");
    check_error("a b\n", "  File \"x.py\", line 1\n    a b\n      ^\nSyntaxError: invalid syntax\n");
    check_error(
        "return x y\n",
        "  File \"x.py\", line 1\n    return x y\n             ^\nSyntaxError: invalid syntax\n",
    );
    check_error("del\n", "  File \"x.py\", line 1\n    del\n       ^\nSyntaxError: invalid syntax\n");
    check_error("x += \n", "  File \"x.py\", line 1\n    x += \n         ^\nSyntaxError: invalid syntax\n");
    check_error(
        "x = [1, 2,, 3]\n",
        "  File \"x.py\", line 1\n    x = [1, 2,, 3]\n              ^\nSyntaxError: invalid syntax\n",
    );
    check_error("f(,)\n", "  File \"x.py\", line 1\n    f(,)\n      ^\nSyntaxError: invalid syntax\n");
    check_error(
        "def f(,): pass\n",
        "  File \"x.py\", line 1\n    def f(,): pass\n          ^\nSyntaxError: invalid syntax\n",
    );
    check_error("@\ndef f(): pass\n", "  File \"x.py\", line 1\n    @\n     ^\nSyntaxError: invalid syntax\n");
    check_error("x = not\n", "  File \"x.py\", line 1\n    x = not\n           ^\nSyntaxError: invalid syntax\n");
    check_error("x = 1 == \n", "  File \"x.py\", line 1\n    x = 1 == \n             ^\nSyntaxError: invalid syntax\n");
    check_error("class\n", "  File \"x.py\", line 1\n    class\n         ^\nSyntaxError: invalid syntax\n");
    check_error("def\n", "  File \"x.py\", line 1\n    def\n       ^\nSyntaxError: invalid syntax\n");
    check_error(
        "try:\n  pass\n",
        "  File \"x.py\", line 2\n    pass\nSyntaxError: expected 'except' or 'finally' block\n",
    );
    check_error(
        "try:\n  pass\nelse:\n  pass\n",
        "  File \"x.py\", line 3\n    else:\n    ^^^^\nSyntaxError: expected 'except' or 'finally' block\n",
    );
    check_error("else:\n  pass\n", "  File \"x.py\", line 1\n    else:\n    ^^^^\nSyntaxError: invalid syntax\n");
    check_error(
        "x = 3 = y\n",
        "  File \"x.py\", line 1\n    x = 3 = y\n        ^\nSyntaxError: cannot assign to literal\n",
    );
}

#[test]
fn unsupported_features_have_gilvm_messages() {
    check_error(
        "x = 1j\n",
        "  File \"x.py\", line 1\n    x = 1j\n        ^^\nSyntaxError: complex numbers are not supported in gilvm\n",
    );
    check_error(
        "x = b'a'\n",
        "  File \"x.py\", line 1\n    x = b'a'\n        ^^^^\nSyntaxError: bytes literals are not supported in gilvm\n",
    );
    check_error("def f(a, /): pass\n", "  File \"x.py\", line 1\n    def f(a, /): pass\n             ^\nSyntaxError: positional-only parameters are not supported in gilvm\n");
    check_error(
        "x = 1.j\n",
        "  File \"x.py\", line 1\n    x = 1.j\n        ^^^\nSyntaxError: complex numbers are not supported in gilvm\n",
    );
    check_error("x = 1.5J\n", "  File \"x.py\", line 1\n    x = 1.5J\n        ^^^^\nSyntaxError: complex numbers are not supported in gilvm\n");
    check_error(
        "x = b'x'\n",
        "  File \"x.py\", line 1\n    x = b'x'\n        ^^^^\nSyntaxError: bytes literals are not supported in gilvm\n",
    );
    check_error("x = 'a\\N{DASH}'\n", "  File \"x.py\", line 1\n    x = 'a\\N{DASH}'\n                   ^\nSyntaxError: \\N{...} escapes are not supported in gilvm\n");
    check_error("x = f'\\N{x}'\n", "  File \"x.py\", line 1\n    x = f'\\N{x}'\n                ^\nSyntaxError: \\N{...} escapes are not supported in gilvm\n");
    check_error("def f(a, /, b): pass\n", "  File \"x.py\", line 1\n    def f(a, /, b): pass\n             ^\nSyntaxError: positional-only parameters are not supported in gilvm\n");
    check_error(
        "await x\n",
        "  File \"x.py\", line 1\n    await x\n    ^^^^^^^\nSyntaxError: 'await' is not supported in gilvm\n",
    );
    check_error(
        "async def f(): pass\n",
        "  File \"x.py\", line 1\n    async def f(): pass\n    ^^^^^\nSyntaxError: 'async' is not supported in gilvm\n",
    );
}
