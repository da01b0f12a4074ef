//! The lexer: `logos` recognises raw tokens, and a small stateful pass on top of it
//! (starlark-rust style) turns line starts into NEWLINE/INDENT/DEDENT tokens, tracks
//! brackets, and scans names, numbers and strings by hand for CPython's error messages.

use logos::Logos;

use crate::ast::Span;
use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::fstring;
use crate::literals::{self, Number};
use crate::token::{StrLit, Token};

/// A token with its byte range, as lalrpop wants it.
pub type Spanned = (usize, Token, usize);

/// CPython's limit on bracket nesting.
const MAX_BRACKET_DEPTH: usize = 200;
/// CPython's limit on block nesting (its tokenizer's MAXINDENT).
const MAX_INDENT_LEVELS: usize = 100;
/// How many operators may chain in one expression. Each one nests the tree a level
/// deeper, and CPython itself gives up (RecursionError) on chains of a few thousand;
/// a limit keeps every recursive walk of the tree, including dropping it, safe.
pub const MAX_OPERATOR_CHAIN: usize = 1000;
const TAB_SIZE: usize = 8;

/// Raw tokens; whitespace between tokens is skipped, indentation is measured from the text.
#[derive(Logos, Clone, Copy, Debug, PartialEq)]
#[logos(skip r"[ \t\x0C]+")]
enum Raw {
    #[regex(r"#[^\r\n]*", allow_greedy = true)]
    Comment,
    #[regex(r"\\(\r\n|\n|\r)")]
    Continuation,
    #[token("\\")]
    Backslash,
    #[regex(r"\r\n|\n|\r")]
    Newline,
    #[regex(r"[A-Za-z_]|[^\x00-\x7F]")]
    NameStart,
    #[regex(r"[0-9]|\.[0-9]")]
    NumberStart,
    #[regex(r#"([rRuUfFbB]|[rR][bBfF]|[bBfF][rR])?['"]"#)]
    StringStart,
    #[token("(")]
    LPar,
    #[token(")")]
    RPar,
    #[token("[")]
    LSqb,
    #[token("]")]
    RSqb,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token(":")]
    Colon,
    #[token(",")]
    Comma,
    #[token(";")]
    Semi,
    #[token(".")]
    Dot,
    #[token("...")]
    Ellipsis,
    #[token("->")]
    Arrow,
    #[token(":=")]
    ColonEqual,
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("**")]
    DoubleStar,
    #[token("/")]
    Slash,
    #[token("//")]
    DoubleSlash,
    #[token("%")]
    Percent,
    #[token("@")]
    At,
    #[token("|")]
    VBar,
    #[token("&")]
    Amper,
    #[token("^")]
    Circumflex,
    #[token("~")]
    Tilde,
    #[token("<<")]
    LeftShift,
    #[token(">>")]
    RightShift,
    #[token("<")]
    Less,
    #[token(">")]
    Greater,
    #[token("<=")]
    LessEqual,
    #[token(">=")]
    GreaterEqual,
    #[token("==")]
    EqEqual,
    #[token("!=")]
    NotEqual,
    #[token("<>")]
    LessGreater,
    #[token("=")]
    Equal,
    #[token("+=")]
    PlusEqual,
    #[token("-=")]
    MinusEqual,
    #[token("*=")]
    StarEqual,
    #[token("**=")]
    DoubleStarEqual,
    #[token("/=")]
    SlashEqual,
    #[token("//=")]
    DoubleSlashEqual,
    #[token("%=")]
    PercentEqual,
    #[token("@=")]
    AtEqual,
    #[token("|=")]
    VBarEqual,
    #[token("&=")]
    AmperEqual,
    #[token("^=")]
    CircumflexEqual,
    #[token("<<=")]
    LeftShiftEqual,
    #[token(">>=")]
    RightShiftEqual,
}

/// The punctuation token for a raw token that needs no further scanning.
fn punctuation(raw: Raw) -> Option<Token> {
    Some(match raw {
        Raw::LPar => Token::LPar,
        Raw::RPar => Token::RPar,
        Raw::LSqb => Token::LSqb,
        Raw::RSqb => Token::RSqb,
        Raw::LBrace => Token::LBrace,
        Raw::RBrace => Token::RBrace,
        Raw::Colon => Token::Colon,
        Raw::Comma => Token::Comma,
        Raw::Semi => Token::Semi,
        Raw::Dot => Token::Dot,
        Raw::Ellipsis => Token::Ellipsis,
        Raw::Arrow => Token::Arrow,
        Raw::ColonEqual => Token::ColonEqual,
        Raw::Plus => Token::Plus,
        Raw::Minus => Token::Minus,
        Raw::Star => Token::Star,
        Raw::DoubleStar => Token::DoubleStar,
        Raw::Slash => Token::Slash,
        Raw::DoubleSlash => Token::DoubleSlash,
        Raw::Percent => Token::Percent,
        Raw::At => Token::At,
        Raw::VBar => Token::VBar,
        Raw::Amper => Token::Amper,
        Raw::Circumflex => Token::Circumflex,
        Raw::Tilde => Token::Tilde,
        Raw::LeftShift => Token::LeftShift,
        Raw::RightShift => Token::RightShift,
        Raw::Less => Token::Less,
        Raw::Greater => Token::Greater,
        Raw::LessEqual => Token::LessEqual,
        Raw::GreaterEqual => Token::GreaterEqual,
        Raw::EqEqual => Token::EqEqual,
        Raw::NotEqual => Token::NotEqual,
        Raw::Equal => Token::Equal,
        Raw::PlusEqual => Token::PlusEqual,
        Raw::MinusEqual => Token::MinusEqual,
        Raw::StarEqual => Token::StarEqual,
        Raw::DoubleStarEqual => Token::DoubleStarEqual,
        Raw::SlashEqual => Token::SlashEqual,
        Raw::DoubleSlashEqual => Token::DoubleSlashEqual,
        Raw::PercentEqual => Token::PercentEqual,
        Raw::AtEqual => Token::AtEqual,
        Raw::VBarEqual => Token::VBarEqual,
        Raw::AmperEqual => Token::AmperEqual,
        Raw::CircumflexEqual => Token::CircumflexEqual,
        Raw::LeftShiftEqual => Token::LeftShiftEqual,
        Raw::RightShiftEqual => Token::RightShiftEqual,
        _ => return None,
    })
}

/// Whether the lexer reads a whole module or the inside of an f-string's `{...}`, which
/// behaves as if it were wrapped in parentheses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Module,
    Expression,
}

/// The result of lexing: every token up to the first error, then that error if any.
#[derive(Debug, Default)]
pub struct Lexed {
    pub tokens: Vec<Spanned>,
    pub error: Option<SyntaxError>,
}

/// Lexes `source[start..end]`; spans are offsets into the whole `source`.
pub fn lex(source: &str, start: usize, end: usize, mode: Mode) -> Lexed {
    let mut lexer = IndentLexer::new(source, start, mode);
    let text = source.get(start..end).unwrap_or("");
    let error = lexer.run(text).err();
    Lexed { tokens: lexer.tokens, error }
}

fn syntax_error(msg: impl Into<String>, start: usize, end: usize) -> SyntaxError {
    SyntaxError::new(SyntaxErrorKind::SyntaxError, msg, Span::new(start, end))
}

fn bracket_char(token: &Token) -> char {
    match token {
        Token::LPar | Token::RPar => '(',
        Token::LSqb | Token::RSqb => '[',
        _ => '{',
    }
}

fn closing_char(token: &Token) -> char {
    match token {
        Token::RPar => ')',
        Token::RSqb => ']',
        _ => '}',
    }
}

/// The stateful pass that turns raw tokens into the parser's tokens.
struct IndentLexer<'a> {
    /// The whole source, for line numbers and indentation.
    source: &'a str,
    /// Offset of the lexed text in `source`.
    base: usize,
    mode: Mode,
    tokens: Vec<Spanned>,
    /// Indentation columns of the open blocks: (tabs to multiples of 8, tabs as 1).
    indents: Vec<(usize, usize)>,
    /// Open brackets and their offsets.
    brackets: Vec<(Token, usize)>,
    /// True until the first token of a logical line has been seen.
    at_line_start: bool,
    /// Operators seen in the current element at each bracket level (see
    /// `MAX_OPERATOR_CHAIN`), and their sum.
    chains: Vec<usize>,
    chain_total: usize,
}

impl<'a> IndentLexer<'a> {
    fn new(source: &'a str, base: usize, mode: Mode) -> Self {
        IndentLexer {
            source,
            base,
            mode,
            tokens: Vec::new(),
            indents: vec![(0, 0)],
            brackets: Vec::new(),
            at_line_start: mode == Mode::Module,
            chains: vec![0],
            chain_total: 0,
        }
    }

    fn push(&mut self, start: usize, token: Token, end: usize) {
        self.tokens.push((start, token, end));
    }

    /// Tracks how deeply the operators seen so far can nest the expression tree: a
    /// comma or a new statement starts a new element; brackets start a new level.
    fn count_nesting(&mut self, token: &Token, start: usize) -> Result<(), SyntaxError> {
        match token {
            Token::Comma | Token::Semi | Token::Newline => {
                let reset = self.chains.last_mut().map(std::mem::take).unwrap_or(0);
                self.chain_total -= reset;
                return Ok(());
            }
            Token::RPar | Token::RSqb | Token::RBrace => {
                if self.chains.len() > 1 {
                    let closed = self.chains.pop().unwrap_or(0);
                    self.chain_total -= closed;
                }
                return Ok(());
            }
            _ => {}
        }
        let nests = matches!(
            token,
            Token::Plus
                | Token::Minus
                | Token::Star
                | Token::DoubleStar
                | Token::Slash
                | Token::DoubleSlash
                | Token::Percent
                | Token::At
                | Token::VBar
                | Token::Amper
                | Token::Circumflex
                | Token::Tilde
                | Token::LeftShift
                | Token::RightShift
                | Token::Dot
                | Token::Not
                | Token::If
                | Token::Else
                | Token::Lambda
                | Token::ColonEqual
                | Token::Await
                | Token::LPar
                | Token::LSqb
                | Token::LBrace
        );
        if nests {
            if let Some(count) = self.chains.last_mut() {
                *count += 1;
            }
            self.chain_total += 1;
            if self.chain_total > MAX_OPERATOR_CHAIN {
                return Err(syntax_error(
                    format!("expression too deeply nested (gilvm allows {MAX_OPERATOR_CHAIN} chained operators)"),
                    start,
                    start,
                ));
            }
        }
        if matches!(token, Token::LPar | Token::LSqb | Token::LBrace) {
            self.chains.push(0);
        }
        Ok(())
    }

    fn inside_brackets(&self) -> bool {
        !self.brackets.is_empty() || self.mode == Mode::Expression
    }

    fn run(&mut self, text: &'a str) -> Result<(), SyntaxError> {
        let mut raw_lexer = Raw::lexer(text);
        while let Some(result) = raw_lexer.next() {
            let span = raw_lexer.span();
            let (start, end) = (self.base + span.start, self.base + span.end);
            let raw = match result {
                Ok(raw) => raw,
                Err(()) => return Err(self.invalid_character(start)),
            };
            if self.at_line_start && !self.inside_brackets() {
                match raw {
                    // A blank or comment-only line gives no tokens at all.
                    Raw::Newline => continue,
                    Raw::Comment => continue,
                    Raw::Continuation => {
                        if raw_lexer.remainder().is_empty() {
                            return Err(self.eof_after_backslash(start));
                        }
                        continue;
                    }
                    _ => {
                        self.indentation(start)?;
                        self.at_line_start = false;
                    }
                }
            }
            match raw {
                Raw::Comment | Raw::Continuation => {
                    if raw == Raw::Continuation && raw_lexer.remainder().is_empty() {
                        return Err(self.eof_after_backslash(start));
                    }
                }
                Raw::Backslash => {
                    if raw_lexer.remainder().is_empty() {
                        return Err(syntax_error("unexpected EOF while parsing", end, end));
                    }
                    return Err(syntax_error("unexpected character after line continuation character", end, end));
                }
                Raw::Newline => {
                    if !self.inside_brackets() {
                        self.count_nesting(&Token::Newline, start)?;
                        self.push(start, Token::Newline, end);
                        self.at_line_start = true;
                    }
                }
                Raw::NameStart => {
                    let rest = &text[span.start..];
                    let len = identifier_len(rest);
                    if len == 0 {
                        return Err(self.invalid_character(start));
                    }
                    raw_lexer.bump(len - span.len());
                    let word = &rest[..len];
                    let token = Token::keyword(word).unwrap_or_else(|| Token::Name(word.to_string()));
                    self.count_nesting(&token, start)?;
                    self.push(start, token, start + len);
                }
                Raw::NumberStart => {
                    let (len, number) = literals::scan_number(&text[span.start..], start)?;
                    raw_lexer.bump(len - span.len());
                    let token = match number {
                        Number::Int(digits) => Token::Int(digits),
                        Number::Float(value) => Token::Float(value),
                    };
                    self.push(start, token, start + len);
                }
                Raw::StringStart => {
                    let scanned = literals::scan_string(self.source, start)?;
                    if scanned.len < span.len() || start + scanned.len > self.base + text.len() {
                        return Err(syntax_error("unterminated string literal", start, start));
                    }
                    raw_lexer.bump(scanned.len - span.len());
                    let token_end = start + scanned.len;
                    // CPython reports string errors at the token after the literal.
                    let error_at = token_end + whitespace_len(&self.source[token_end..]);
                    let body = (start + scanned.body_start, start + scanned.body_end);
                    if scanned.prefix.bytes {
                        return Err(syntax_error("bytes literals are not supported in gilvm", start, token_end));
                    }
                    let literal = if scanned.prefix.format {
                        StrLit::Format(fstring::parse(self.source, body.0, body.1, scanned.prefix.raw, error_at)?)
                    } else {
                        let body_text = self.source.get(body.0..body.1).unwrap_or("");
                        if scanned.prefix.raw {
                            StrLit::Plain(body_text.to_string())
                        } else {
                            StrLit::Plain(literals::decode_escapes(body_text, error_at)?)
                        }
                    };
                    self.push(start, Token::Str(literal), token_end);
                }
                Raw::LessGreater => return Err(syntax_error("invalid syntax", start, end)),
                _ => {
                    let Some(token) = punctuation(raw) else {
                        return Err(syntax_error("invalid syntax", start, end));
                    };
                    self.bracket(&token, start)?;
                    self.count_nesting(&token, start)?;
                    self.push(start, token, end);
                }
            }
        }
        self.finish()
    }

    /// Tracks bracket nesting and reports mismatched brackets the way CPython does.
    fn bracket(&mut self, token: &Token, start: usize) -> Result<(), SyntaxError> {
        match token {
            Token::LPar | Token::LSqb | Token::LBrace => {
                if self.brackets.len() >= MAX_BRACKET_DEPTH {
                    return Err(syntax_error("too many nested parentheses", start, start));
                }
                self.brackets.push((token.clone(), start));
            }
            Token::RPar | Token::RSqb | Token::RBrace => {
                let close = closing_char(token);
                let Some((open, open_start)) = self.brackets.pop() else {
                    return Err(syntax_error(format!("unmatched '{close}'"), start, start));
                };
                let open_char = bracket_char(&open);
                if open_char != bracket_char(token) {
                    let open_line = literals::line_of(self.source, open_start);
                    let close_line = literals::line_of(self.source, start);
                    let msg = if open_line == close_line {
                        format!("closing parenthesis '{close}' does not match opening parenthesis '{open_char}'")
                    } else {
                        format!(
                            "closing parenthesis '{close}' does not match opening parenthesis '{open_char}' on line {open_line}"
                        )
                    };
                    return Err(syntax_error(msg, start, start));
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Measures the indentation of the line whose first token starts at `token_start` and
    /// emits INDENT or DEDENT tokens (CPython's tokenizer rules, including TabError).
    fn indentation(&mut self, token_start: usize) -> Result<(), SyntaxError> {
        let line_start = self.source[..token_start].rfind(['\n', '\r']).map_or(0, |i| i + 1).max(self.base);
        let (mut col, mut altcol) = (0, 0);
        for byte in self.source.as_bytes()[line_start..token_start].iter() {
            match byte {
                b' ' => {
                    col += 1;
                    altcol += 1;
                }
                b'\t' => {
                    col = (col / TAB_SIZE + 1) * TAB_SIZE;
                    altcol += 1;
                }
                b'\x0C' => {
                    col = 0;
                    altcol = 0;
                }
                _ => {}
            }
        }
        let tab_error = || {
            SyntaxError::new(
                SyntaxErrorKind::TabError,
                "inconsistent use of tabs and spaces in indentation",
                Span::new(line_start, line_start),
            )
        };
        let &(top, alttop) = self.indents.last().unwrap_or(&(0, 0));
        if col == top {
            if altcol != alttop {
                return Err(tab_error());
            }
        } else if col > top {
            if altcol <= alttop {
                return Err(tab_error());
            }
            if self.indents.len() > MAX_INDENT_LEVELS {
                return Err(SyntaxError::new(
                    SyntaxErrorKind::IndentationError,
                    "too many levels of indentation",
                    Span::new(token_start, token_start),
                ));
            }
            self.indents.push((col, altcol));
            self.push(line_start, Token::Indent, token_start);
        } else {
            while self.indents.len() > 1 && self.indents.last().is_some_and(|&(level, _)| col < level) {
                self.indents.pop();
                self.push(token_start, Token::Dedent, token_start);
            }
            let &(level, altlevel) = self.indents.last().unwrap_or(&(0, 0));
            if col != level {
                let line_end =
                    self.source[token_start..].find(['\n', '\r']).map_or(self.source.len(), |i| token_start + i);
                return Err(SyntaxError::new(
                    SyntaxErrorKind::IndentationError,
                    "unindent does not match any outer indentation level",
                    Span::new(line_end, line_end),
                ));
            }
            if altcol != altlevel {
                return Err(tab_error());
            }
        }
        Ok(())
    }

    /// At end of input: report unclosed brackets, end the last line, close open blocks.
    fn finish(&mut self) -> Result<(), SyntaxError> {
        if let Some((open, start)) = self.brackets.last() {
            return Err(syntax_error(format!("'{}' was never closed", bracket_char(open)), *start, *start));
        }
        if self.mode == Mode::Expression {
            return Ok(());
        }
        let end = self.source.len();
        if !self.at_line_start {
            self.push(end, Token::Newline, end);
        }
        while self.indents.len() > 1 {
            self.indents.pop();
            self.push(end, Token::Dedent, end);
        }
        Ok(())
    }

    /// "unexpected EOF while parsing" for a backslash at the very end of the input; the
    /// caret goes after the backslash unless it is alone on its line.
    fn eof_after_backslash(&self, backslash: usize) -> SyntaxError {
        let line_start = self.source[..backslash].rfind('\n').map_or(0, |i| i + 1);
        if self.source[line_start..backslash].trim().is_empty() {
            return SyntaxError::without_caret(
                SyntaxErrorKind::SyntaxError,
                "unexpected EOF while parsing",
                line_start,
            );
        }
        syntax_error("unexpected EOF while parsing", backslash + 1, backslash + 1)
    }

    /// The error for a character that starts no token.
    fn invalid_character(&self, start: usize) -> SyntaxError {
        let c = self.source[start..].chars().next().unwrap_or('\0');
        if c == '\0' {
            syntax_error("source code cannot contain null bytes", start, start)
        } else if c.is_ascii_graphic() || c == ' ' {
            syntax_error("invalid syntax", start, start + 1)
        } else if c.is_ascii() || c.is_control() {
            syntax_error(format!("invalid non-printable character U+{:04X}", c as u32), start, start)
        } else {
            syntax_error(format!("invalid character '{c}' (U+{:04X})", c as u32), start, start)
        }
    }
}

/// Length of the spaces and tabs at the start of `text`.
fn whitespace_len(text: &str) -> usize {
    text.bytes().take_while(|b| matches!(b, b' ' | b'\t' | b'\x0C')).count()
}

fn is_identifier_start(c: char) -> bool {
    c == '_' || c.is_ascii_alphabetic() || (!c.is_ascii() && c.is_alphabetic())
}

fn is_identifier_continue(c: char) -> bool {
    c == '_' || c.is_ascii_alphanumeric() || (!c.is_ascii() && (c.is_alphanumeric() || is_combining_mark(c)))
}

/// Combining marks that may continue an identifier (a rough stand-in for Unicode's
/// XID_Continue categories Mn/Mc, which `char` has no method for).
fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F | 0x00B7)
}

/// Length in bytes of the identifier at the start of `text`, or 0 if there is none.
fn identifier_len(text: &str) -> usize {
    let mut chars = text.char_indices();
    match chars.next() {
        Some((_, c)) if is_identifier_start(c) => {}
        _ => return 0,
    }
    for (index, c) in chars {
        if !is_identifier_continue(c) {
            return index;
        }
    }
    text.len()
}
