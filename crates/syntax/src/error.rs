//! Syntax errors, with CPython's wording and CPython's caret layout.

use crate::ast::Span;

/// Which exception class CPython would raise for this error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

impl SyntaxErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
        }
    }
}

/// A syntax error found by the lexer, the parser or the compiler.
#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    /// The message after `SyntaxError: `, in CPython's words.
    pub msg: String,
    /// The offending source range; the caret line underlines it.
    pub span: Span,
}

impl SyntaxError {
    pub fn new(kind: SyntaxErrorKind, msg: impl Into<String>, span: Span) -> SyntaxError {
        SyntaxError { kind, msg: msg.into(), span }
    }

    /// An error that CPython reports without a caret (its offset is 0), such as
    /// "expected an indented block" at end of file: the line starting at `line_start`
    /// is shown with no caret line. The span's `end` is `usize::MAX`, which `render`
    /// reads as "no caret".
    pub fn without_caret(kind: SyntaxErrorKind, msg: impl Into<String>, line_start: usize) -> SyntaxError {
        SyntaxError { kind, msg: msg.into(), span: Span::new(line_start, usize::MAX) }
    }

    /// False for errors made by [`SyntaxError::without_caret`].
    pub fn has_caret(&self) -> bool {
        self.span.end != usize::MAX
    }

    /// 1-based line number of the error in `source`.
    pub fn line(&self, source: &str) -> usize {
        let end = self.span.start.min(source.len());
        source.as_bytes()[..end].iter().filter(|&&b| b == b'\n').count() + 1
    }

    /// The same error with `prefix` put before its message (used for "f-string: ").
    pub fn with_prefix(mut self, prefix: &str) -> SyntaxError {
        if !self.msg.starts_with(prefix.trim_end()) {
            self.msg = format!("{prefix}{}", self.msg);
        }
        self
    }

    /// The error exactly as CPython 3.11 prints it (`  File "x.py", line N`, the source
    /// line, the caret line, then `SyntaxError: msg`), ending in a newline.
    ///
    /// This follows `print_error_text` in CPython's pythonrun.c: the line is shown with
    /// its leading whitespace stripped, a span that runs past the end of its first line
    /// underlines the rest of that line, and a caret that would fall left of the text
    /// is left out.
    pub fn render(&self, filename: &str, source: &str) -> String {
        let lineno = self.line(source);
        let mut out = format!("  File \"{filename}\", line {lineno}\n");
        let start = floor_char_boundary(source, self.span.start);
        let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = source[start..].find('\n').map_or(source.len(), |i| start + i + 1);
        let text = &source[line_start..line_end];
        if !text.is_empty() {
            // Offsets are 1-based character columns, as in CPython's SyntaxError.
            let offset = source[line_start..start].chars().count() as isize + 1;
            let line_size = text.len() as isize;
            let mut end_offset = if !self.has_caret() {
                0
            } else if self.span.end > line_end
                || (self.span.end == line_end && text.ends_with('\n') && self.span.end > start)
            {
                line_size
            } else {
                let end = floor_char_boundary(source, self.span.end.max(start));
                source[line_start..end].chars().count() as isize + 1
            };
            if end_offset > line_size + 1 {
                end_offset = line_size + 1;
            }
            let offset = if self.has_caret() { offset } else { 0 };
            out.push_str(&error_text(text, offset, end_offset));
        }
        out.push_str(&format!("{}: {}\n", self.kind.name(), self.msg));
        out
    }
}

/// The largest char boundary of `text` at or before `index`.
fn floor_char_boundary(text: &str, index: usize) -> usize {
    let mut index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// The source line and caret line, as CPython's `print_error_text` writes them.
fn error_text(text: &str, offset: isize, end_offset: isize) -> String {
    let caret_repetitions = if end_offset > 0 && end_offset > offset { end_offset - offset } else { 1 };
    let mut offset = offset - 1;
    let stripped = text.trim_start_matches([' ', '\t', '\x0C']);
    offset -= (text.chars().count() - stripped.chars().count()) as isize;
    let body = stripped.strip_suffix('\n').unwrap_or(stripped);
    let len = body.chars().count() as isize;
    if offset > len {
        offset = len;
    }
    let mut out = format!("    {body}\n");
    if offset >= 0 {
        out.push_str("    ");
        out.push_str(&" ".repeat(offset as usize));
        out.push_str(&"^".repeat(caret_repetitions.max(0) as usize));
        out.push('\n');
    }
    out
}
