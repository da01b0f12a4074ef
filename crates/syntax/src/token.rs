//! The tokens the indentation pass hands to the parser, and how they read in error messages.

use std::fmt;

use crate::ast::FStringPart;

/// One string literal as written; adjacent literals are joined by the parser.
#[derive(Clone, Debug, PartialEq)]
pub enum StrLit {
    /// A plain (or raw) string, escapes already decoded.
    Plain(String),
    /// An f-string, already split into literal text and replacement fields.
    Format(Vec<FStringPart>),
}

/// What the parser should read after an [`Token::Entry`] marker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    /// `star_expressions` or a `yield` expression: the inside of an f-string field.
    FStringField,
    /// `star_expressions`: a comma-separated list, as after `print` in `print x, y`.
    StarExpressions,
    /// A full expression (`expression` in CPython's grammar).
    Expression,
    /// An `or` expression without `if`/`lambda` (CPython's `disjunction`).
    Disjunction,
}

/// A token of the parser's input. Keywords are their own variants; `Name` never holds one.
#[derive(Clone, Debug, PartialEq)]
pub enum Token {
    Name(String),
    /// Decimal digits, without separators or leading zeros.
    Int(String),
    Float(f64),
    Str(StrLit),
    Newline,
    Indent,
    Dedent,
    /// Never produced by the lexer: put in front of a token slice to make the parser
    /// read one expression instead of a module (f-string fields, error diagnosis).
    Entry(Entry),
    // Keywords.
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,
    // Brackets and punctuation.
    LPar,
    RPar,
    LSqb,
    RSqb,
    LBrace,
    RBrace,
    Colon,
    Comma,
    Semi,
    Dot,
    Ellipsis,
    Arrow,
    ColonEqual,
    // Operators.
    Plus,
    Minus,
    Star,
    DoubleStar,
    Slash,
    DoubleSlash,
    Percent,
    At,
    VBar,
    Amper,
    Circumflex,
    Tilde,
    LeftShift,
    RightShift,
    Less,
    Greater,
    LessEqual,
    GreaterEqual,
    EqEqual,
    NotEqual,
    Equal,
    // Augmented assignment operators.
    PlusEqual,
    MinusEqual,
    StarEqual,
    DoubleStarEqual,
    SlashEqual,
    DoubleSlashEqual,
    PercentEqual,
    AtEqual,
    VBarEqual,
    AmperEqual,
    CircumflexEqual,
    LeftShiftEqual,
    RightShiftEqual,
}

impl Token {
    /// The keyword token spelled `word`, if `word` is a keyword.
    pub fn keyword(word: &str) -> Option<Token> {
        Some(match word {
            "False" => Token::False,
            "None" => Token::None,
            "True" => Token::True,
            "and" => Token::And,
            "as" => Token::As,
            "assert" => Token::Assert,
            "async" => Token::Async,
            "await" => Token::Await,
            "break" => Token::Break,
            "class" => Token::Class,
            "continue" => Token::Continue,
            "def" => Token::Def,
            "del" => Token::Del,
            "elif" => Token::Elif,
            "else" => Token::Else,
            "except" => Token::Except,
            "finally" => Token::Finally,
            "for" => Token::For,
            "from" => Token::From,
            "global" => Token::Global,
            "if" => Token::If,
            "import" => Token::Import,
            "in" => Token::In,
            "is" => Token::Is,
            "lambda" => Token::Lambda,
            "nonlocal" => Token::Nonlocal,
            "not" => Token::Not,
            "or" => Token::Or,
            "pass" => Token::Pass,
            "raise" => Token::Raise,
            "return" => Token::Return,
            "try" => Token::Try,
            "while" => Token::While,
            "with" => Token::With,
            "yield" => Token::Yield,
            _ => return None,
        })
    }

    /// How the token is spelled in source, for keywords and punctuation.
    pub fn text(&self) -> &'static str {
        match self {
            Token::Name(_) => "name",
            Token::Int(_) | Token::Float(_) => "number",
            Token::Str(_) => "string",
            Token::Newline => "newline",
            Token::Indent => "indent",
            Token::Dedent => "dedent",
            Token::Entry(_) => "start",
            Token::False => "False",
            Token::None => "None",
            Token::True => "True",
            Token::And => "and",
            Token::As => "as",
            Token::Assert => "assert",
            Token::Async => "async",
            Token::Await => "await",
            Token::Break => "break",
            Token::Class => "class",
            Token::Continue => "continue",
            Token::Def => "def",
            Token::Del => "del",
            Token::Elif => "elif",
            Token::Else => "else",
            Token::Except => "except",
            Token::Finally => "finally",
            Token::For => "for",
            Token::From => "from",
            Token::Global => "global",
            Token::If => "if",
            Token::Import => "import",
            Token::In => "in",
            Token::Is => "is",
            Token::Lambda => "lambda",
            Token::Nonlocal => "nonlocal",
            Token::Not => "not",
            Token::Or => "or",
            Token::Pass => "pass",
            Token::Raise => "raise",
            Token::Return => "return",
            Token::Try => "try",
            Token::While => "while",
            Token::With => "with",
            Token::Yield => "yield",
            Token::LPar => "(",
            Token::RPar => ")",
            Token::LSqb => "[",
            Token::RSqb => "]",
            Token::LBrace => "{",
            Token::RBrace => "}",
            Token::Colon => ":",
            Token::Comma => ",",
            Token::Semi => ";",
            Token::Dot => ".",
            Token::Ellipsis => "...",
            Token::Arrow => "->",
            Token::ColonEqual => ":=",
            Token::Plus => "+",
            Token::Minus => "-",
            Token::Star => "*",
            Token::DoubleStar => "**",
            Token::Slash => "/",
            Token::DoubleSlash => "//",
            Token::Percent => "%",
            Token::At => "@",
            Token::VBar => "|",
            Token::Amper => "&",
            Token::Circumflex => "^",
            Token::Tilde => "~",
            Token::LeftShift => "<<",
            Token::RightShift => ">>",
            Token::Less => "<",
            Token::Greater => ">",
            Token::LessEqual => "<=",
            Token::GreaterEqual => ">=",
            Token::EqEqual => "==",
            Token::NotEqual => "!=",
            Token::Equal => "=",
            Token::PlusEqual => "+=",
            Token::MinusEqual => "-=",
            Token::StarEqual => "*=",
            Token::DoubleStarEqual => "**=",
            Token::SlashEqual => "/=",
            Token::DoubleSlashEqual => "//=",
            Token::PercentEqual => "%=",
            Token::AtEqual => "@=",
            Token::VBarEqual => "|=",
            Token::AmperEqual => "&=",
            Token::CircumflexEqual => "^=",
            Token::LeftShiftEqual => "<<=",
            Token::RightShiftEqual => ">>=",
        }
    }

    /// True for keywords (`if`, `None`, ...).
    pub fn is_keyword(&self) -> bool {
        Token::keyword(self.text()).as_ref() == Some(self)
    }

    /// True if an expression may begin with this token; used to guess "forgot a comma?".
    pub fn starts_expression(&self) -> bool {
        matches!(
            self,
            Token::Name(_)
                | Token::Int(_)
                | Token::Float(_)
                | Token::Str(_)
                | Token::False
                | Token::None
                | Token::True
                | Token::Not
                | Token::Lambda
                | Token::Await
                | Token::LPar
                | Token::LSqb
                | Token::LBrace
                | Token::Ellipsis
                | Token::Minus
                | Token::Plus
                | Token::Tilde
        )
    }

    /// True if an expression may end with this token.
    pub fn ends_expression(&self) -> bool {
        matches!(
            self,
            Token::Name(_)
                | Token::Int(_)
                | Token::Float(_)
                | Token::Str(_)
                | Token::False
                | Token::None
                | Token::True
                | Token::RPar
                | Token::RSqb
                | Token::RBrace
                | Token::Ellipsis
        )
    }
}

impl fmt::Display for Token {
    /// The token in user words: "name 'x'", "keyword 'def'", "new indentation block".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Token::Name(name) => write!(f, "name '{name}'"),
            Token::Int(digits) => write!(f, "number {digits}"),
            Token::Float(value) => write!(f, "number {value:?}"),
            Token::Str(StrLit::Plain(_)) => write!(f, "string literal"),
            Token::Str(StrLit::Format(_)) => write!(f, "f-string"),
            Token::Newline => write!(f, "end of line"),
            Token::Indent => write!(f, "new indentation block"),
            Token::Dedent => write!(f, "end of indentation block"),
            Token::Entry(_) => write!(f, "start of input"),
            token if token.is_keyword() => write!(f, "keyword '{}'", token.text()),
            token => write!(f, "'{}'", token.text()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Token;

    #[test]
    fn tokens_read_as_user_words() {
        assert_eq!(Token::Def.to_string(), "keyword 'def'");
        assert_eq!(Token::Indent.to_string(), "new indentation block");
        assert_eq!(Token::Name("x".into()).to_string(), "name 'x'");
        assert_eq!(Token::DoubleStarEqual.to_string(), "'**='");
        assert_eq!(Token::Newline.to_string(), "end of line");
    }
}
