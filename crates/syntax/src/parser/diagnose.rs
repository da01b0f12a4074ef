//! Turns lalrpop's "unexpected token, expected one of ..." into CPython 3.11's messages:
//! "expected ':'", "expected an indented block after ...", "Perhaps you forgot a
//! comma?", "Missing parentheses in call to 'print'", and plain "invalid syntax".
//!
//! CPython finds these with a second, error-hunting pass of its PEG parser; here the
//! same shapes are recognised around the failing token, and the extent of the
//! expressions involved is found by re-running the parser on token slices.

use lalrpop_util::ParseError;

use crate::ast::{Expr, ExprKind, Span};
use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::lexer::Spanned;
use crate::parser::build::expr_name;
use crate::parser::parses_as;
use crate::token::{Entry, Token};

/// How far back to look for the start of an expression, in tokens.
const MAX_LOOKBACK: usize = 64;

/// `base_depth` is 1 for an f-string field, which CPython parses as if in parentheses.
pub fn diagnose(
    err: ParseError<usize, Token, SyntaxError>,
    tokens: &[Spanned],
    source: &str,
    base_depth: usize,
) -> SyntaxError {
    match err {
        ParseError::User { error } => error,
        ParseError::InvalidToken { location } => invalid_syntax(Span::new(location, location)),
        ParseError::ExtraToken { token: (start, _, end) } => invalid_syntax(Span::new(start, end)),
        ParseError::UnrecognizedEof { location, expected } => {
            let context = Context { tokens, source, expected: &expected, base_depth };
            context.at_eof(location)
        }
        ParseError::UnrecognizedToken { token: (start, token, end), expected } => {
            let context = Context { tokens, source, expected: &expected, base_depth };
            let index = tokens.iter().position(|(s, t, e)| *s == start && *e == end && *t == token);
            match index {
                Some(index) => context.unexpected(index),
                None => invalid_syntax(Span::new(start, end)),
            }
        }
    }
}

/// Tokens after which an expression starts.
fn starts_after(token: &Token) -> bool {
    matches!(
        token,
        Token::Newline
            | Token::Indent
            | Token::Dedent
            | Token::Semi
            | Token::Comma
            | Token::Colon
            | Token::Equal
            | Token::ColonEqual
            | Token::Else
            | Token::If
            | Token::Elif
            | Token::While
            | Token::Return
            | Token::Assert
            | Token::Yield
            | Token::Del
            | Token::With
            | Token::Import
            | Token::DoubleStar
            | Token::PlusEqual
            | Token::MinusEqual
            | Token::StarEqual
            | Token::DoubleStarEqual
            | Token::SlashEqual
            | Token::DoubleSlashEqual
            | Token::PercentEqual
            | Token::AtEqual
            | Token::VBarEqual
            | Token::AmperEqual
            | Token::CircumflexEqual
            | Token::LeftShiftEqual
            | Token::RightShiftEqual
            | Token::Arrow
            | Token::At
    )
}

fn invalid_syntax(span: Span) -> SyntaxError {
    SyntaxError::new(SyntaxErrorKind::SyntaxError, "invalid syntax", span)
}

fn syntax_error(msg: impl Into<String>, span: Span) -> SyntaxError {
    SyntaxError::new(SyntaxErrorKind::SyntaxError, msg, span)
}

struct Context<'a> {
    tokens: &'a [Spanned],
    source: &'a str,
    expected: &'a [String],
    base_depth: usize,
}

impl Context<'_> {
    fn expects(&self, terminal: &str) -> bool {
        self.expected.iter().any(|e| e == terminal)
    }

    fn token(&self, index: usize) -> Option<&Token> {
        self.tokens.get(index).map(|(_, token, _)| token)
    }

    fn span(&self, index: usize) -> Span {
        self.tokens.get(index).map_or(Span::new(self.source.len(), self.source.len()), |&(s, _, e)| Span::new(s, e))
    }

    /// Index of the first token of the logical line holding token `index`.
    fn line_start(&self, index: usize) -> usize {
        let mut start = index.min(self.tokens.len());
        while start > 0 && !matches!(self.tokens[start - 1].1, Token::Newline | Token::Indent | Token::Dedent) {
            start -= 1;
        }
        start
    }

    /// Bracket depth just before token `index`, and the index of the innermost opener.
    fn depth_at(&self, index: usize) -> (usize, Option<usize>) {
        let mut openers: Vec<usize> = Vec::new();
        for (i, (_, token, _)) in self.tokens.iter().enumerate().take(index) {
            match token {
                Token::LPar | Token::LSqb | Token::LBrace => openers.push(i),
                Token::RPar | Token::RSqb | Token::RBrace => {
                    openers.pop();
                }
                _ => {}
            }
        }
        (openers.len(), openers.last().copied())
    }

    /// An error shown on the line holding `offset`, without a caret.
    fn no_caret(&self, kind: SyntaxErrorKind, msg: impl Into<String>, offset: usize) -> SyntaxError {
        let offset = offset.min(self.source.len());
        let start = self.source.as_bytes()[..offset].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        SyntaxError::without_caret(kind, msg, start)
    }

    /// An error at end of input, shown (as CPython does) on the last line of the file.
    fn no_caret_at_eof(&self, kind: SyntaxErrorKind, msg: impl Into<String>) -> SyntaxError {
        self.no_caret(kind, msg, self.source.len().saturating_sub(1))
    }

    fn at_eof(&self, location: usize) -> SyntaxError {
        let last = self.tokens.len();
        if self.expects("INDENT") && last > 0 && self.tokens[last - 1].1 == Token::Newline {
            if let Some(error) = self.expected_block(last, None) {
                return error;
            }
        }
        if self.expects("\"except\"") && self.expects("\"finally\"") {
            return self.no_caret_at_eof(SyntaxErrorKind::SyntaxError, "expected 'except' or 'finally' block");
        }
        invalid_syntax(Span::new(location, location))
    }

    fn unexpected(&self, index: usize) -> SyntaxError {
        let (start, ref token, end) = self.tokens[index];
        if *token == Token::Indent {
            return self.no_caret(SyntaxErrorKind::IndentationError, "unexpected indent", end);
        }
        if self.expects("INDENT") && index > 0 && self.tokens[index - 1].1 == Token::Newline {
            if let Some(error) = self.expected_block(index, Some(index)) {
                return error;
            }
        }
        if *token == Token::Async {
            return syntax_error("'async' is not supported in gilvm", Span::new(start, end));
        }
        if self.expects("\"except\"") && self.expects("\"finally\"") {
            let msg = "expected 'except' or 'finally' block";
            let next_real = (index..self.tokens.len()).find(|&i| self.tokens[i].1 != Token::Dedent);
            return match next_real {
                Some(i) if i == index => syntax_error(msg, Span::new(start, end)),
                Some(i) => self.no_caret(SyntaxErrorKind::SyntaxError, msg, self.tokens[i].0),
                None => self.no_caret_at_eof(SyntaxErrorKind::SyntaxError, msg),
            };
        }
        if let Some(error) = self.annotated_tuple(index) {
            return error;
        }
        if let Some(error) = self.expected_colon(index) {
            return error;
        }
        if let Some(error) = self.legacy_print(index) {
            return error;
        }
        if let Some(error) = self.assignment_in_expression(index) {
            return error;
        }
        if let Some(error) = self.missing_dict_colon(index) {
            return error;
        }
        if let Some(error) = self.forgot_comma(index) {
            return error;
        }
        if let Some(error) = self.expected_else(index) {
            return error;
        }
        if *token == Token::Dedent {
            let next = (index..self.tokens.len()).find(|&i| self.tokens[i].1 != Token::Dedent);
            return invalid_syntax(next.map_or(Span::new(start, end), |i| self.span(i)));
        }
        invalid_syntax(Span::new(start, end))
    }

    /// "expected an indented block after 'if' statement on line 3".
    fn expected_block(&self, newline_index: usize, found: Option<usize>) -> Option<SyntaxError> {
        let header_newline = newline_index.checked_sub(1)?;
        let header = self.line_start(header_newline);
        let what = match self.token(header)? {
            Token::If => "'if' statement",
            Token::Elif => "'elif' statement",
            Token::Else => "'else' statement",
            Token::While => "'while' statement",
            Token::For => "'for' statement",
            Token::Try => "'try' statement",
            Token::Except => "'except' statement",
            Token::Finally => "'finally' statement",
            Token::With => "'with' statement",
            Token::Def => "function definition",
            Token::Class => "class definition",
            _ => return None,
        };
        let line = crate::literals::line_of(self.source, self.tokens[header].0);
        let msg = format!("expected an indented block after {what} on line {line}");
        let kind = SyntaxErrorKind::IndentationError;
        let next_real = found.and_then(|i| (i..self.tokens.len()).find(|&j| self.tokens[j].1 != Token::Dedent));
        Some(match (found, next_real) {
            (Some(i), Some(_)) if self.tokens[i].1 != Token::Dedent => {
                SyntaxError::new(kind, msg, Span::new(self.tokens[i].0, self.tokens[i].0))
            }
            (Some(_), Some(j)) => self.no_caret(kind, msg, self.tokens[j].0),
            _ => self.no_caret_at_eof(kind, msg),
        })
    }

    /// "expected ':'" (and "expected '('" after `def name`), where CPython's grammar
    /// insists on the token.
    fn expected_colon(&self, index: usize) -> Option<SyntaxError> {
        let header = self.line_start(index);
        let keyword = self.token(header)?;
        let found = self.token(index)?;
        let span = self.span(index);
        if *keyword == Token::Def && index == header + 2 && self.expects("\"(\"") {
            return Some(syntax_error("expected '('", span));
        }
        if !self.expects("\":\"") {
            return None;
        }
        let forced = match keyword {
            Token::Else | Token::Try | Token::Finally => index == header + 1,
            Token::Def => self.depth_at(index).0 == 0,
            _ => false,
        };
        let at_newline = *found == Token::Newline
            && matches!(
                keyword,
                Token::If | Token::Elif | Token::While | Token::For | Token::With | Token::Except | Token::Class
            );
        (forced || at_newline).then(|| syntax_error("expected ':'", span))
    }

    /// `print x` / `exec code`: "Missing parentheses in call to 'print'".
    fn legacy_print(&self, index: usize) -> Option<SyntaxError> {
        let header = self.line_start(index);
        let Some(Token::Name(name)) = self.token(header) else {
            return None;
        };
        if !(name == "print" || name == "exec") || index != header + 1 {
            return None;
        }
        let found = self.token(index)?;
        if *found == Token::LPar || !found.starts_expression() {
            return None;
        }
        let end = self.statement_end(index);
        let value = self.longest_parse(index, end, Entry::StarExpressions)?;
        let msg = format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?");
        Some(syntax_error(msg, Span::new(self.tokens[header].0, value.span.end)))
    }

    /// `a, b: int`: "only single target (not tuple) can be annotated".
    fn annotated_tuple(&self, index: usize) -> Option<SyntaxError> {
        if *self.token(index)? != Token::Colon || self.depth_at(index).0 != 0 {
            return None;
        }
        let header = self.line_start(index);
        let target = parses_as(&self.tokens[header..index], Entry::StarExpressions)?;
        match &target.kind {
            ExprKind::Tuple(elts) if elts.first().is_some_and(|first| first.span.start == target.span.start) => {
                Some(syntax_error("only single target (not tuple) can be annotated", elts[0].span))
            }
            _ => None,
        }
    }

    /// `if x = 1:` and `[x = 1]`: an `=` where only an expression may be.
    fn assignment_in_expression(&self, index: usize) -> Option<SyntaxError> {
        if *self.token(index)? != Token::Equal || index == 0 {
            return None;
        }
        let next = self.token(index + 1)?;
        if !next.starts_expression() || matches!(next, Token::Not | Token::Lambda) {
            return None;
        }
        let target = self.expression_ending_at(index)?;
        let value_end = self.element_end(index + 1);
        let value = self.longest_parse(index + 1, value_end, Entry::Disjunction)?;
        if let Some(Token::Equal | Token::ColonEqual) =
            self.token(index + 1 + self.count_tokens(index + 1, value.span.end))
        {
            return None;
        }
        match target.kind {
            ExprKind::Name(_) => Some(syntax_error(
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                Span::new(target.span.start, value.span.end),
            )),
            ExprKind::True | ExprKind::False | ExprKind::None | ExprKind::List(_) | ExprKind::Tuple(_) => None,
            ExprKind::BoolOp { .. } | ExprKind::Compare { .. } | ExprKind::IfExp { .. } | ExprKind::Lambda { .. } => {
                None
            }
            _ => Some(syntax_error(
                format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(&target)),
                target.span,
            )),
        }
    }

    /// `f(a b)` / `[1 2]`: two expressions side by side inside brackets.
    fn forgot_comma(&self, index: usize) -> Option<SyntaxError> {
        let found = self.token(index)?;
        let previous = self.token(index.checked_sub(1)?)?;
        if !found.starts_expression() || !previous.ends_expression() {
            return None;
        }
        let (depth, _) = self.depth_at(index);
        if depth + self.base_depth == 0 {
            return None;
        }
        let (left_start, left) = self.expression_ending_at_with_start(index)?;
        if let (Some(Token::Name(_)), Some(Token::Str(_))) = (self.token(left_start), self.token(left_start + 1)) {
            return None;
        }
        if let ExprKind::Name(name) = &left.kind {
            if matches!(name.as_str(), "print" | "exec" | "match" | "case" | "_") {
                return None;
            }
        }
        let end = self.element_end(index);
        let right = self.longest_parse(index, end, Entry::Expression)?;
        Some(syntax_error("invalid syntax. Perhaps you forgot a comma?", Span::new(left.span.start, right.span.end)))
    }

    /// `{'a': 1, 'b' 2}`: a key without its ':' after an earlier `key: value` pair.
    fn missing_dict_colon(&self, index: usize) -> Option<SyntaxError> {
        if matches!(self.token(index)?, Token::Colon | Token::Comma | Token::RBrace) {
            return None;
        }
        let (_, opener) = self.depth_at(index);
        let opener = opener?;
        if self.tokens[opener].1 != Token::LBrace {
            return None;
        }
        let start = self.expression_start(index)?;
        if start == 0 || self.tokens[start - 1].1 != Token::Comma {
            return None;
        }
        let mut depth = 0usize;
        let in_dict = self.tokens[opener + 1..start].iter().any(|(_, token, _)| match token {
            Token::LPar | Token::LSqb | Token::LBrace => {
                depth += 1;
                false
            }
            Token::RPar | Token::RSqb | Token::RBrace => {
                depth = depth.saturating_sub(1);
                false
            }
            Token::Colon | Token::DoubleStar => depth == 0,
            _ => false,
        });
        if !in_dict {
            return None;
        }
        let key = parses_as(&self.tokens[start..index], Entry::Expression)?;
        let at = key.span.end.saturating_sub(1);
        Some(syntax_error("':' expected after dictionary key", Span::new(at, at)))
    }

    /// `x = a if b` without `else`.
    fn expected_else(&self, index: usize) -> Option<SyntaxError> {
        if !self.expects("\"else\"") || matches!(self.token(index)?, Token::Colon | Token::Else) {
            return None;
        }
        let (depth, _) = self.depth_at(index);
        let low = index.saturating_sub(MAX_LOOKBACK);
        let if_index = (low..index).rev().find(|&i| self.tokens[i].1 == Token::If && self.depth_at(i).0 == depth)?;
        let condition = parses_as(&self.tokens[if_index + 1..index], Entry::Disjunction)?;
        let body = self.expression_ending_at(if_index)?;
        Some(syntax_error("expected 'else' after 'if' expression", Span::new(body.span.start, condition.span.end)))
    }

    /// The longest `disjunction` that ends just before token `end`.
    fn expression_ending_at(&self, end: usize) -> Option<Expr> {
        self.expression_ending_at_with_start(end).map(|(_, expr)| expr)
    }

    /// The `disjunction` that ends just before token `end` and starts after the nearest
    /// token that can precede an expression (an opening bracket, `,`, `=`, `if`, ...).
    fn expression_ending_at_with_start(&self, end: usize) -> Option<(usize, Expr)> {
        let start = self.expression_start(end)?;
        let expr = parses_as(&self.tokens[start..end], Entry::Disjunction)?;
        Some((start, expr))
    }

    fn expression_start(&self, end: usize) -> Option<usize> {
        let mut depth = 0usize;
        let low = end.saturating_sub(MAX_LOOKBACK);
        let mut i = end;
        while i > low {
            let token = &self.tokens[i - 1].1;
            match token {
                Token::RPar | Token::RSqb | Token::RBrace => depth += 1,
                Token::LPar | Token::LSqb | Token::LBrace if depth == 0 => return (i < end).then_some(i),
                Token::LPar | Token::LSqb | Token::LBrace => depth -= 1,
                _ if depth == 0 && starts_after(token) => return (i < end).then_some(i),
                _ => {}
            }
            i -= 1;
        }
        (i == 0 && i < end).then_some(i)
    }

    /// Index of the first token from `from` on that ends a list element at this depth.
    fn element_end(&self, from: usize) -> usize {
        let mut depth = 0usize;
        for i in from..self.tokens.len() {
            match self.tokens[i].1 {
                Token::LPar | Token::LSqb | Token::LBrace => depth += 1,
                Token::RPar | Token::RSqb | Token::RBrace if depth == 0 => return i,
                Token::RPar | Token::RSqb | Token::RBrace => depth -= 1,
                Token::Comma | Token::Colon | Token::Equal | Token::For | Token::Semi if depth == 0 => return i,
                Token::Newline => return i,
                _ => {}
            }
        }
        self.tokens.len()
    }

    /// Index of the NEWLINE or `;` that ends the simple statement holding `from`.
    fn statement_end(&self, from: usize) -> usize {
        let mut depth = 0usize;
        for i in from..self.tokens.len() {
            match self.tokens[i].1 {
                Token::LPar | Token::LSqb | Token::LBrace => depth += 1,
                Token::RPar | Token::RSqb | Token::RBrace => depth = depth.saturating_sub(1),
                Token::Semi if depth == 0 => return i,
                Token::Newline => return i,
                _ => {}
            }
        }
        self.tokens.len()
    }

    /// The longest prefix of `tokens[from..end]` that parses as `entry`.
    fn longest_parse(&self, from: usize, end: usize, entry: Entry) -> Option<Expr> {
        let low = from + 1;
        let high = end.min(self.tokens.len());
        let tries = high.saturating_sub(low).min(MAX_LOOKBACK);
        (0..=tries).map(|k| high - k).filter(|&e| e >= low).find_map(|e| parses_as(&self.tokens[from..e], entry))
    }

    /// How many tokens from `from` on end at or before byte offset `end`.
    fn count_tokens(&self, from: usize, end: usize) -> usize {
        self.tokens[from..].iter().take_while(|(_, _, e)| *e <= end).count()
    }
}
