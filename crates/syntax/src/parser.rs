//! Drives the lalrpop parser: lexes, unwraps parenthesized `with` items, parses, and
//! turns lalrpop's errors into CPython's messages (see `parser/diagnose.rs`).

pub mod build;
mod diagnose;

use lalrpop_util::lalrpop_mod;

use crate::ast::{Expr, Module, Span};
use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::fstring;
use crate::lexer::{self, Mode, Spanned};
use crate::token::{Entry, Token};
use build::Top;

lalrpop_mod!(
    #[allow(clippy::all, clippy::pedantic, unused_parens, unused_imports, dead_code)]
    grammar,
    "/python.rs"
);

/// Parses a whole module.
pub fn parse_module(source: &str) -> Result<Module, SyntaxError> {
    let lexed = lexer::lex(source, 0, source.len(), Mode::Module);
    let tokens = unwrap_with_parens(lexed.tokens);
    let lex_error = lexed.error;
    let parse_error = match run(&tokens, None, lex_error.clone()) {
        Ok(Top::Module(module)) => return Ok(module),
        Ok(Top::Expr(expr)) => invalid_syntax(expr.span),
        Err(lalrpop_util::ParseError::User { error }) if Some(&error) == lex_error.as_ref() => return Err(error),
        Err(err) => {
            // CPython compares lines with the furthest token its parser read.
            let furthest = match &err {
                lalrpop_util::ParseError::UnrecognizedToken { token: (start, _, _), .. } => *start,
                lalrpop_util::ParseError::UnrecognizedEof { location, .. } => *location,
                _ => 0,
            };
            let parse_error = diagnose::diagnose(err, &tokens, source, 0);
            let furthest = furthest.max(parse_error.span.start);
            return Err(match lex_error {
                Some(lex_error) if lexer_error_wins(&lex_error, furthest, source) => lex_error,
                _ => parse_error,
            });
        }
    };
    Err(parse_error)
}

/// CPython tokenizes the rest of the file after a parser error, and a tokenizer error
/// found there (an unterminated string, a bad character, ...) replaces the parser's.
/// Indentation errors do not, and an unclosed bracket only does when the parser's
/// error is on a later line than the bracket.
fn lexer_error_wins(lex_error: &SyntaxError, furthest: usize, source: &str) -> bool {
    if lex_error.kind != SyntaxErrorKind::SyntaxError {
        return false;
    }
    if lex_error.msg.ends_with("was never closed") {
        return crate::literals::line_of(source, furthest) > lex_error.line(source);
    }
    true
}

/// Parses the expression of an f-string field, `source[start..end]`, as CPython does:
/// as if it were in parentheses, with "f-string: " before any error message.
pub fn parse_fstring_expression(source: &str, start: usize, end: usize) -> Result<Expr, SyntaxError> {
    let lexed = lexer::lex(source, start, end, Mode::Expression);
    let prefix = "f-string: ";
    let expr = match run(&lexed.tokens, Some(Entry::FStringField), lexed.error) {
        Ok(Top::Expr(expr)) => expr,
        Ok(Top::Module(_)) => return Err(invalid_syntax(Span::new(start, end)).with_prefix(prefix)),
        Err(err) => return Err(diagnose::diagnose(err, &lexed.tokens, source, 1).with_prefix(prefix)),
    };
    fstring::check_field_expression(&expr)?;
    Ok(expr)
}

fn invalid_syntax(span: Span) -> SyntaxError {
    SyntaxError::new(SyntaxErrorKind::SyntaxError, "invalid syntax", span)
}

type RawParseError = lalrpop_util::ParseError<usize, Token, SyntaxError>;

/// Runs the parser over `tokens` (behind an entry marker, if given), then the lexer's
/// error, if lexing stopped early: the parser reports an earlier mistake first.
fn run(tokens: &[Spanned], entry: Option<Entry>, lex_error: Option<SyntaxError>) -> Result<Top, RawParseError> {
    let marker = entry.map(|entry| Ok((0, Token::Entry(entry), 0)));
    let input = marker.into_iter().chain(tokens.iter().cloned().map(Ok)).chain(lex_error.map(Err));
    grammar::TopParser::new().parse(input)
}

/// Tries to read `tokens` as one expression of the given kind; used to find the extent
/// of expressions when explaining an error.
pub(crate) fn parses_as(tokens: &[Spanned], entry: Entry) -> Option<Expr> {
    if tokens.is_empty() {
        return None;
    }
    match run(tokens, Some(entry), None) {
        Ok(Top::Expr(expr)) => Some(expr),
        _ => None,
    }
}

/// `with (a as b, c as d):` cannot be told from a parenthesized expression with one
/// token of lookahead, so this pass removes the parentheses (and a trailing comma)
/// when they hold an `as` at their own level and are followed by `:`.
fn unwrap_with_parens(mut tokens: Vec<Spanned>) -> Vec<Spanned> {
    let mut i = 0;
    while i + 1 < tokens.len() {
        if tokens[i].1 == Token::With && tokens[i + 1].1 == Token::LPar {
            if let Some(close) = matching_close(&tokens, i + 1) {
                let followed_by_colon = tokens.get(close + 1).is_some_and(|t| t.1 == Token::Colon);
                let has_as = has_as_at_level(&tokens[i + 2..close]);
                if followed_by_colon && has_as {
                    let trailing_comma = close > i + 2 && tokens[close - 1].1 == Token::Comma;
                    tokens.remove(close);
                    if trailing_comma {
                        tokens.remove(close - 1);
                    }
                    tokens.remove(i + 1);
                }
            }
        }
        i += 1;
    }
    tokens
}

fn matching_close(tokens: &[Spanned], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (index, (_, token, _)) in tokens.iter().enumerate().skip(open) {
        match token {
            Token::LPar | Token::LSqb | Token::LBrace => depth += 1,
            Token::RPar | Token::RSqb | Token::RBrace => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(index);
                }
            }
            Token::Newline => return None,
            _ => {}
        }
    }
    None
}

fn has_as_at_level(tokens: &[Spanned]) -> bool {
    let mut depth = 0usize;
    for (_, token, _) in tokens {
        match token {
            Token::LPar | Token::LSqb | Token::LBrace => depth += 1,
            Token::RPar | Token::RSqb | Token::RBrace => depth = depth.saturating_sub(1),
            Token::As if depth == 0 => return true,
            _ => {}
        }
    }
    false
}
