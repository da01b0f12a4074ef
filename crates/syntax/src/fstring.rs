//! F-strings: splitting a body into literal text and `{expr!conv:spec}` fields with
//! CPython 3.11's rules and messages; each expression is parsed by the real parser on
//! its own slice of the source, so its spans point into the original file.

use crate::ast::{Expr, ExprKind, FStringPart, Span};
use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::literals;
use crate::parser;

/// CPython's limit: a format spec may hold fields, whose specs may not.
const MAX_SPEC_NESTING: usize = 2;

/// Parses the body `source[start..end]` of an f-string whose literal ends at `token_end`
/// (where CPython puts the caret for most f-string errors).
pub fn parse(
    source: &str,
    start: usize,
    end: usize,
    raw: bool,
    token_end: usize,
) -> Result<Vec<FStringPart>, SyntaxError> {
    let mut parser = FStringParser { source, pos: start, end, raw, token_end };
    let parts = parser.parts(0)?;
    Ok(parts)
}

struct FStringParser<'a> {
    source: &'a str,
    pos: usize,
    end: usize,
    raw: bool,
    token_end: usize,
}

fn push_literal(parts: &mut Vec<FStringPart>, text: String) {
    if text.is_empty() {
        return;
    }
    if let Some(FStringPart::Literal(last)) = parts.last_mut() {
        last.push_str(&text);
    } else {
        parts.push(FStringPart::Literal(text));
    }
}

impl FStringParser<'_> {
    fn error(&self, msg: &str) -> SyntaxError {
        SyntaxError::new(SyntaxErrorKind::SyntaxError, msg, Span::new(self.token_end, self.token_end))
    }

    fn peek(&self) -> Option<char> {
        self.source.get(self.pos..self.end).and_then(|rest| rest.chars().next())
    }

    fn peek_at(&self, offset: usize) -> Option<char> {
        self.source.get(self.pos..self.end).and_then(|rest| rest.chars().nth(offset))
    }

    /// Literal text and fields up to the end of the body (`depth` 0) or up to the `}`
    /// that closes a format spec (`depth` > 0, the `}` is left for the caller).
    fn parts(&mut self, depth: usize) -> Result<Vec<FStringPart>, SyntaxError> {
        let mut parts = Vec::new();
        loop {
            let literal_start = self.pos;
            while let Some(c) = self.peek() {
                if c == '{' || c == '}' {
                    break;
                }
                if c == '\\' && !self.raw && self.peek_at(1) == Some('N') && self.peek_at(2) == Some('{') {
                    return Err(self.error("\\N{...} escapes are not supported in gilvm"));
                }
                self.pos += c.len_utf8();
                if c == '\\' && !self.raw {
                    // The escaped character is literal text even if it is a brace.
                    if let Some(next) = self.peek() {
                        if next != '{' && next != '}' {
                            self.pos += next.len_utf8();
                        }
                    }
                }
            }
            let chunk = &self.source[literal_start..self.pos];
            let text = if self.raw { chunk.to_string() } else { literals::decode_escapes(chunk, self.token_end)? };
            push_literal(&mut parts, text);
            match self.peek() {
                None => return Ok(parts),
                Some('{') if self.peek_at(1) == Some('{') && depth == 0 => {
                    self.pos += 2;
                    push_literal(&mut parts, "{".to_string());
                }
                Some('}') if depth > 0 => return Ok(parts),
                Some('}') if self.peek_at(1) == Some('}') => {
                    self.pos += 2;
                    push_literal(&mut parts, "}".to_string());
                }
                Some('}') => return Err(self.error("f-string: single '}' is not allowed")),
                Some(_) => {
                    self.pos += 1;
                    let field = self.field(depth)?;
                    parts.push(field);
                }
            }
        }
    }

    /// One replacement field, just after its `{`; consumes the closing `}`.
    fn field(&mut self, depth: usize) -> Result<FStringPart, SyntaxError> {
        if depth >= MAX_SPEC_NESTING {
            return Err(self.error("f-string: expressions nested too deeply"));
        }
        let expr_start = self.pos;
        let mut brackets: Vec<char> = Vec::new();
        let mut quote: Option<(char, bool)> = None;
        let mut stop = None;
        while let Some(c) = self.peek() {
            if c == '\\' {
                return Err(self.error("f-string expression part cannot include a backslash"));
            }
            if let Some((q, triple)) = quote {
                if c == q && (!triple || (self.peek_at(1) == Some(q) && self.peek_at(2) == Some(q))) {
                    self.pos += if triple { 3 } else { 1 };
                    quote = None;
                } else {
                    self.pos += c.len_utf8();
                }
                continue;
            }
            match c {
                '\'' | '"' => {
                    let triple = self.peek_at(1) == Some(c) && self.peek_at(2) == Some(c);
                    quote = Some((c, triple));
                    self.pos += if triple { 3 } else { 1 };
                    continue;
                }
                '(' | '[' | '{' => {
                    if brackets.len() >= 200 {
                        return Err(self.error("f-string: too many nested parenthesis"));
                    }
                    brackets.push(c);
                }
                ')' | ']' | '}' => {
                    let Some(open) = brackets.pop() else {
                        if c == '}' {
                            stop = Some(c);
                            break;
                        }
                        return Err(self.error(&format!("f-string: unmatched '{c}'")));
                    };
                    let expected = match open {
                        '(' => ')',
                        '[' => ']',
                        _ => '}',
                    };
                    if c != expected {
                        return Err(self.error(&format!(
                            "f-string: closing parenthesis '{c}' does not match opening parenthesis '{open}'"
                        )));
                    }
                }
                '#' => return Err(self.error("f-string expression part cannot include '#'")),
                '!' | '=' | '<' | '>' if brackets.is_empty() && self.peek_at(1) == Some('=') => {
                    // `!=`, `==`, `<=`, `>=` are operators, not the end of the expression.
                    self.pos += 2;
                    continue;
                }
                '!' | ':' | '=' if brackets.is_empty() => {
                    stop = Some(c);
                    break;
                }
                _ => {}
            }
            self.pos += c.len_utf8();
        }
        if quote.is_some() {
            return Err(self.error("f-string: unterminated string"));
        }
        let Some(mut stop) = stop else {
            return Err(self.error("f-string: expecting '}'"));
        };
        let expr_end = self.pos;
        let expr_text = &self.source[expr_start..expr_end];
        if expr_text.trim().is_empty() {
            return Err(self.error(&match stop {
                '}' => "f-string: empty expression not allowed".to_string(),
                other => format!("f-string: expression required before '{other}'"),
            }));
        }
        let value = parser::parse_fstring_expression(self.source, expr_start, expr_end)?;
        let mut debug_text = None;
        if stop == '=' {
            self.pos += 1;
            while let Some(c @ (' ' | '\t' | '\n' | '\r' | '\x0C')) = self.peek() {
                self.pos += c.len_utf8();
            }
            debug_text = Some(self.source[expr_start..self.pos].to_string());
            stop = self.peek().unwrap_or('\0');
        }
        let mut conversion = None;
        if stop == '!' {
            self.pos += 1;
            let Some(c) = self.peek() else {
                return Err(self.error("f-string: expecting '}'"));
            };
            if !matches!(c, 's' | 'r' | 'a') {
                return Err(self.error("f-string: invalid conversion character: expected 's', 'r', or 'a'"));
            }
            conversion = Some(c);
            self.pos += 1;
            stop = self.peek().unwrap_or('\0');
        }
        let mut format_spec = Vec::new();
        if stop == ':' {
            self.pos += 1;
            format_spec = self.parts(depth + 1)?;
            stop = self.peek().unwrap_or('\0');
        }
        if stop != '}' {
            return Err(self.error("f-string: expecting '}'"));
        }
        self.pos += 1;
        if debug_text.is_some() && conversion.is_none() && format_spec.is_empty() {
            conversion = Some('r');
        }
        Ok(FStringPart::Value { value: Box::new(value), conversion, format_spec, debug_text })
    }
}

/// Checks the expression of a replacement field: a bare `*x` is not allowed there.
pub fn check_field_expression(expr: &Expr) -> Result<(), SyntaxError> {
    if let ExprKind::Starred(_) = expr.kind {
        return Err(SyntaxError::new(
            SyntaxErrorKind::SyntaxError,
            "f-string: cannot use starred expression here",
            expr.span,
        ));
    }
    Ok(())
}
