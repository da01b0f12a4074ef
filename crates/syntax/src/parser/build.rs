//! AST building helpers called from the grammar's actions, with the checks CPython
//! makes while parsing (assignment targets, argument order, parameter lists), so the
//! grammar itself stays a thin list of productions.

use lalrpop_util::ParseError;

use crate::ast::*;
use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::token::{StrLit, Token};

/// The error type of fallible grammar actions.
pub type PErr = ParseError<usize, Token, SyntaxError>;

/// What the parser produced: a module, or one expression for an entry marker.
#[derive(Debug)]
pub enum Top {
    Module(Module),
    Expr(Expr),
}

/// One item of a call's argument list, before the order checks.
#[derive(Debug)]
pub enum ArgItem {
    Positional(Expr),
    Generator(Expr),
    /// `key=value` and where its `=` ends; the key is an expression until it is
    /// checked to be a name.
    Keyword(Expr, Expr, Span, usize),
    Star(Expr),
    DoubleStar(Expr, Span),
}

/// One item of a parameter list, before the order checks.
#[derive(Debug)]
pub enum ParamItem {
    Plain(Param),
    /// `*` or `*args`, with the offset of the star.
    Star(usize, Option<Param>),
    DoubleStar(Param),
    Slash(Span),
}

/// A syntax error from a grammar action.
pub fn error(msg: impl Into<String>, span: Span) -> PErr {
    ParseError::User { error: SyntaxError::new(SyntaxErrorKind::SyntaxError, msg, span) }
}

pub fn stmt(l: usize, r: usize, kind: StmtKind) -> Stmt {
    Stmt { span: Span::new(l, r), kind }
}

pub fn expr(l: usize, r: usize, kind: ExprKind) -> Expr {
    Expr { span: Span::new(l, r), kind }
}

/// `a, b` is a tuple; `a` alone (no comma) is just `a`.
pub fn tuple_or_single(l: usize, r: usize, (mut items, comma): (Vec<Expr>, bool)) -> Expr {
    if !comma && items.len() == 1 {
        if let Some(item) = items.pop() {
            return item;
        }
    }
    expr(l, r, ExprKind::Tuple(items))
}

/// `( ... )`: a tuple if there is a comma, else the inner expression itself.
pub fn parenthesized(l: usize, r: usize, (mut items, comma): (Vec<Expr>, bool)) -> Result<Expr, PErr> {
    if !comma && items.len() == 1 {
        if let Some(item) = items.pop() {
            if let ExprKind::Starred(_) = item.kind {
                return Err(error("cannot use starred expression here", item.span));
            }
            return Ok(item);
        }
    }
    Ok(expr(l, r, ExprKind::Tuple(items)))
}

pub fn binary(l: usize, r: usize, left: Expr, op: BinOp, right: Expr) -> Expr {
    expr(l, r, ExprKind::BinOp { left: Box::new(left), op, right: Box::new(right) })
}

pub fn unary(l: usize, r: usize, op: UnaryOp, operand: Expr) -> Expr {
    expr(l, r, ExprKind::UnaryOp { op, operand: Box::new(operand) })
}

pub fn bool_op(l: usize, r: usize, op: BoolOp, first: Expr, rest: Vec<Expr>) -> Expr {
    let mut values = vec![first];
    values.extend(rest);
    expr(l, r, ExprKind::BoolOp { op, values })
}

pub fn compare(l: usize, r: usize, left: Expr, rest: Vec<(CmpOp, Expr)>) -> Expr {
    let (ops, comparators) = rest.into_iter().unzip();
    expr(l, r, ExprKind::Compare { left: Box::new(left), ops, comparators })
}

pub fn await_expr(l: usize, r: usize) -> Result<Expr, PErr> {
    Err(error("'await' is not supported in gilvm", Span::new(l, r)))
}

/// Joins adjacent string literals; any f-string among them makes the result an f-string.
pub fn strings(l: usize, r: usize, parts: Vec<StrLit>) -> Expr {
    if parts.iter().all(|part| matches!(part, StrLit::Plain(_))) {
        let mut joined = String::new();
        for part in parts {
            if let StrLit::Plain(text) = part {
                joined.push_str(&text);
            }
        }
        return expr(l, r, ExprKind::Str(joined));
    }
    let mut pieces: Vec<FStringPart> = Vec::new();
    let push_text = |pieces: &mut Vec<FStringPart>, text: String| {
        if text.is_empty() {
            return;
        }
        if let Some(FStringPart::Literal(last)) = pieces.last_mut() {
            last.push_str(&text);
        } else {
            pieces.push(FStringPart::Literal(text));
        }
    };
    for part in parts {
        match part {
            StrLit::Plain(text) => push_text(&mut pieces, text),
            StrLit::Format(fparts) => {
                for fpart in fparts {
                    match fpart {
                        FStringPart::Literal(text) => push_text(&mut pieces, text),
                        value => pieces.push(value),
                    }
                }
            }
        }
    }
    expr(l, r, ExprKind::FString(pieces))
}

/// CPython's name for an expression in "cannot assign to ..." messages.
pub fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred(_) => "starred",
        ExprKind::Name(_) => "name",
        ExprKind::List(_) => "list",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict(_) => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::FString(_) => "f-string expression",
        ExprKind::None => "None",
        ExprKind::True => "True",
        ExprKind::False => "False",
        ExprKind::Ellipsis => "ellipsis",
        ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Str(_) => "literal",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum TargetContext {
    Store,
    Delete,
}

/// The first sub-expression of `e` that cannot be assigned to (or deleted), if any.
fn invalid_target(e: &Expr, context: TargetContext) -> Option<&Expr> {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
        ExprKind::Starred(inner) if context == TargetContext::Store => invalid_target(inner, context),
        ExprKind::Tuple(elts) | ExprKind::List(elts) => elts.iter().find_map(|elt| invalid_target(elt, context)),
        _ => Some(e),
    }
}

fn check_store_target(target: &Expr) -> Result<(), PErr> {
    if let Some(bad) = invalid_target(target, TargetContext::Store) {
        return Err(error(format!("cannot assign to {}", expr_name(bad)), bad.span));
    }
    check_starred_targets(target)
}

/// A starred target must sit in a tuple or list, once per level.
fn check_starred_targets(target: &Expr) -> Result<(), PErr> {
    match &target.kind {
        ExprKind::Starred(_) => Err(error("starred assignment target must be in a list or tuple", target.span)),
        ExprKind::Tuple(elts) | ExprKind::List(elts) => check_starred_elements(target, elts),
        _ => Ok(()),
    }
}

fn check_starred_elements(target: &Expr, elts: &[Expr]) -> Result<(), PErr> {
    let n_starred = elts.iter().filter(|elt| matches!(elt.kind, ExprKind::Starred(_))).count();
    if n_starred > 1 {
        return Err(error("multiple starred expressions in assignment", target.span));
    }
    for elt in elts {
        match &elt.kind {
            ExprKind::Starred(inner) => {
                if let ExprKind::Tuple(inner_elts) | ExprKind::List(inner_elts) = &inner.kind {
                    check_starred_elements(inner, inner_elts)?;
                }
            }
            ExprKind::Tuple(inner) | ExprKind::List(inner) => check_starred_elements(elt, inner)?,
            _ => {}
        }
    }
    Ok(())
}

/// True if `e` is CPython's `bitwise_or` or tighter, i.e. could be the operand of `==`
/// without parentheses. Named and yield expressions only get here parenthesized.
fn is_bitwise_or_level(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::BoolOp { .. }
        | ExprKind::Compare { .. }
        | ExprKind::IfExp { .. }
        | ExprKind::Lambda { .. }
        | ExprKind::Starred(_) => false,
        ExprKind::UnaryOp { op: UnaryOp::Not, .. } => false,
        ExprKind::Tuple(_) => !is_bare_tuple(e),
        _ => true,
    }
}

/// A tuple written without parentheses starts where its first element does.
fn is_bare_tuple(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Tuple(elts) => elts.first().is_some_and(|first| first.span.start == e.span.start),
        _ => false,
    }
}

/// True if the value of `target = value` begins with a `bitwise_or`, which is when
/// CPython suggests '==' for an invalid target.
fn starts_with_bitwise_or(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::BoolOp { values, .. } => values.first().is_some_and(starts_with_bitwise_or),
        ExprKind::Compare { .. } => true,
        ExprKind::IfExp { body, .. } => starts_with_bitwise_or(body),
        ExprKind::Tuple(elts) if is_bare_tuple(e) => elts.first().is_some_and(starts_with_bitwise_or),
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => false,
        _ => is_bitwise_or_level(e),
    }
}

/// `a = b = value`.
pub fn assign(l: usize, r: usize, first: Expr, rest: Vec<Expr>) -> Result<Stmt, PErr> {
    let mut targets = vec![first];
    targets.extend(rest);
    let Some(value) = targets.pop() else {
        return Err(error("invalid syntax", Span::new(l, r)));
    };
    for (i, target) in targets.iter().enumerate() {
        if let ExprKind::Yield(_) | ExprKind::YieldFrom(_) = target.kind {
            if i > 0 || target.span.start == l {
                return Err(error("assignment to yield expression not possible", target.span));
            }
        }
    }
    if let ([target], true) = (targets.as_slice(), starts_with_bitwise_or(&value)) {
        // The expression just before '=' (the last element of a bare tuple).
        let candidate = match &target.kind {
            ExprKind::Tuple(elts) if is_bare_tuple(target) => elts.last(),
            _ => Some(target),
        };
        if let Some(candidate) = candidate {
            let excluded = matches!(
                candidate.kind,
                ExprKind::True
                    | ExprKind::False
                    | ExprKind::None
                    | ExprKind::List(_)
                    | ExprKind::Tuple(_)
                    | ExprKind::GeneratorExp { .. }
            );
            if !excluded && is_bitwise_or_level(candidate) && invalid_target(candidate, TargetContext::Store).is_some()
            {
                return Err(error(
                    format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(candidate)),
                    candidate.span,
                ));
            }
        }
    }
    for target in &targets {
        check_store_target(target)?;
    }
    check_not_starred(&value)?;
    Ok(stmt(l, r, StmtKind::Assign { targets, value }))
}

/// `target op= value`.
pub fn aug_assign(l: usize, r: usize, target: Expr, op: BinOp, value: Expr) -> Result<Stmt, PErr> {
    match target.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {
            Ok(stmt(l, r, StmtKind::AugAssign { target, op, value }))
        }
        _ => Err(error(
            format!("'{}' is an illegal expression for augmented assignment", expr_name(&target)),
            target.span,
        )),
    }
}

/// `target: annotation [= value]`.
pub fn ann_assign(l: usize, r: usize, target: Expr, annotation: Expr, value: Option<Expr>) -> Result<Stmt, PErr> {
    match target.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {
            Ok(stmt(l, r, StmtKind::AnnAssign { target, annotation, value }))
        }
        ExprKind::Tuple(_) => Err(error("only single target (not tuple) can be annotated", target.span)),
        ExprKind::List(_) => Err(error("only single target (not list) can be annotated", target.span)),
        _ => Err(error("illegal target for annotation", target.span)),
    }
}

/// `del a, b[0], c.d`.
pub fn delete(l: usize, r: usize, targets: Vec<Expr>) -> Result<Stmt, PErr> {
    for target in &targets {
        if let Some(bad) = invalid_target(target, TargetContext::Delete) {
            return Err(error(format!("cannot delete {}", expr_name(bad)), bad.span));
        }
    }
    Ok(stmt(l, r, StmtKind::Delete(targets)))
}

pub fn import_from(
    l: usize,
    r: usize,
    import_keyword: Span,
    dots: Vec<usize>,
    module: Option<String>,
    names: Vec<Alias>,
) -> Result<Stmt, PErr> {
    let n_dots: usize = dots.iter().sum();
    if n_dots == 0 && module.is_none() {
        return Err(error("invalid syntax", import_keyword));
    }
    let module = format!("{}{}", ".".repeat(n_dots), module.unwrap_or_default());
    Ok(stmt(l, r, StmtKind::ImportFrom { module, names }))
}

/// `from m import a, b` without parentheses, where a trailing comma is an error
/// (CPython puts the caret after it).
pub fn import_names(mut names: Vec<Alias>, last: Option<Alias>, r: usize) -> Result<Vec<Alias>, PErr> {
    match last {
        Some(last) => {
            names.push(last);
            Ok(names)
        }
        None if names.is_empty() => Err(error("invalid syntax", Span::new(r, r))),
        None => Err(error("trailing comma not allowed without surrounding parentheses", Span::new(r, r))),
    }
}

/// An expression used as a statement; a bare `*x` is not allowed there.
pub fn expression_statement(l: usize, r: usize, e: Expr) -> Result<Stmt, PErr> {
    check_not_starred(&e)?;
    Ok(stmt(l, r, StmtKind::Expr(e)))
}

fn check_not_starred(e: &Expr) -> Result<(), PErr> {
    if let ExprKind::Starred(_) = e.kind {
        return Err(error("can't use starred expression here", e.span));
    }
    Ok(())
}

/// `if` with its `elif` chain, nested the way CPython's AST nests it.
pub fn if_statement(
    l: usize,
    r: usize,
    test: Expr,
    body: Vec<Stmt>,
    elifs: Vec<(usize, Expr, Vec<Stmt>)>,
    orelse: Option<Vec<Stmt>>,
) -> Stmt {
    let mut orelse = orelse.unwrap_or_default();
    for (elif_start, elif_test, elif_body) in elifs.into_iter().rev() {
        orelse = vec![stmt(elif_start, r, StmtKind::If { test: elif_test, body: elif_body, orelse })];
    }
    stmt(l, r, StmtKind::If { test, body, orelse })
}

pub fn for_statement(
    l: usize,
    r: usize,
    target: Expr,
    iter: Expr,
    body: Vec<Stmt>,
    orelse: Vec<Stmt>,
) -> Result<Stmt, PErr> {
    check_store_target(&target)?;
    Ok(stmt(l, r, StmtKind::For { target, iter, body, orelse }))
}

pub fn comprehension(target: Expr, iter: Expr, ifs: Vec<Expr>) -> Result<Comprehension, PErr> {
    check_store_target(&target)?;
    Ok(Comprehension { target, iter, ifs })
}

/// `with a as x, b:`; `with (a, b):` means two context managers, as in Python 3.9+.
pub fn with_statement(l: usize, r: usize, items: Vec<(Expr, Option<Expr>)>, body: Vec<Stmt>) -> Result<Stmt, PErr> {
    let mut with_items = Vec::new();
    let single = items.len() == 1;
    for (context, target) in items {
        if let Some(target) = &target {
            check_store_target(target)?;
        }
        match context.kind {
            ExprKind::Tuple(elts) if single && target.is_none() && !elts.is_empty() => {
                with_items.extend(elts.into_iter().map(|context| WithItem { context, target: None }));
            }
            kind => with_items.push(WithItem { context: Expr { span: context.span, kind }, target }),
        }
    }
    Ok(stmt(l, r, StmtKind::With { items: with_items, body }))
}

/// Checks a parameter list the way CPython does and sorts it into [`Parameters`].
pub fn parameters(items: Vec<ParamItem>) -> Result<Parameters, PErr> {
    let mut params = Parameters::default();
    let mut seen_star: Option<usize> = None;
    let mut seen_default = false;
    let mut names: Vec<String> = Vec::new();
    let mut check_name = |param: &Param| -> Result<(), PErr> {
        if names.contains(&param.name) {
            return Err(error(format!("duplicate argument '{}' in function definition", param.name), param.span));
        }
        names.push(param.name.clone());
        Ok(())
    };
    for item in items {
        if params.kwarg.is_some() {
            let span = match &item {
                ParamItem::Plain(p) | ParamItem::DoubleStar(p) => p.span,
                ParamItem::Star(at, _) => Span::new(*at, *at + 1),
                ParamItem::Slash(span) => *span,
            };
            return Err(error("arguments cannot follow var-keyword argument", Span::new(span.start, span.start)));
        }
        match item {
            ParamItem::Plain(param) => {
                check_name(&param)?;
                if seen_star.is_some() {
                    params.kwonly.push(param);
                } else {
                    if param.default.is_none() && seen_default {
                        return Err(error(
                            "non-default argument follows default argument",
                            Span::new(param.span.start, param.span.start),
                        ));
                    }
                    seen_default |= param.default.is_some();
                    params.args.push(param);
                }
            }
            ParamItem::Star(at, param) => {
                if seen_star.is_some() {
                    return Err(error("* argument may appear only once", Span::new(at, at)));
                }
                seen_star = Some(at);
                if let Some(param) = &param {
                    check_name(param)?;
                }
                params.vararg = param;
            }
            ParamItem::DoubleStar(param) => {
                if let (Some(at), None, true) = (seen_star, &params.vararg, params.kwonly.is_empty()) {
                    return Err(error("named arguments must follow bare *", Span::new(at, at)));
                }
                check_name(&param)?;
                params.kwarg = Some(param);
            }
            ParamItem::Slash(span) => {
                return Err(error("positional-only parameters are not supported in gilvm", span));
            }
        }
    }
    if let (Some(at), None, true) = (seen_star, &params.vararg, params.kwonly.is_empty()) {
        return Err(error("named arguments must follow bare *", Span::new(at, at)));
    }
    Ok(params)
}

pub fn function_def(
    l: usize,
    header_end: usize,
    r: usize,
    name: String,
    params: Vec<ParamItem>,
    body: Vec<Stmt>,
    decorators: Vec<Expr>,
) -> Result<Stmt, PErr> {
    let params = parameters(params)?;
    let def = FunctionDef { name, params, body, decorators, span: Span::new(l, header_end) };
    Ok(stmt(l, r, StmtKind::FunctionDef(def)))
}

pub fn lambda(l: usize, r: usize, params: Vec<ParamItem>, body: Expr) -> Result<Expr, PErr> {
    let params = parameters(params)?;
    Ok(expr(l, r, ExprKind::Lambda { params: Box::new(params), body: Box::new(body) }))
}

pub fn class_def(
    l: usize,
    header_end: usize,
    r: usize,
    name: String,
    args: Vec<ArgItem>,
    body: Vec<Stmt>,
    decorators: Vec<Expr>,
) -> Result<Stmt, PErr> {
    let (bases, keywords) = arguments(args, Span::new(header_end.saturating_sub(1), header_end))?;
    let class = ClassDef { name, bases, keywords, body, decorators, span: Span::new(l, header_end) };
    Ok(stmt(l, r, StmtKind::ClassDef(class)))
}

/// Checks argument order ("positional argument follows keyword argument", ...) and
/// splits the arguments into positional ones and keywords.
/// `close` is the closing parenthesis, where CPython puts the caret for order errors.
pub fn arguments(items: Vec<ArgItem>, close: Span) -> Result<(Vec<Expr>, Vec<Keyword>), PErr> {
    let n_items = items.len();
    let mut args = Vec::new();
    let mut keywords: Vec<Keyword> = Vec::new();
    let mut seen_keyword = false;
    let mut seen_double_star = false;
    for item in items {
        match item {
            ArgItem::Positional(e) => {
                if seen_double_star {
                    return Err(error("positional argument follows keyword argument unpacking", close));
                }
                if seen_keyword {
                    return Err(error("positional argument follows keyword argument", close));
                }
                args.push(e);
            }
            ArgItem::Generator(e) => {
                if n_items > 1 {
                    return Err(error("Generator expression must be parenthesized", e.span));
                }
                args.push(e);
            }
            ArgItem::Star(e) => {
                if seen_double_star {
                    let star = Span::new(e.span.start, e.span.start + 1);
                    return Err(error("iterable argument unpacking follows keyword argument unpacking", star));
                }
                args.push(e);
            }
            ArgItem::Keyword(key, value, span, eq_end) => {
                let through_equals = Span::new(key.span.start, eq_end);
                let name = match key.kind {
                    ExprKind::Name(name) => name,
                    ExprKind::True | ExprKind::False | ExprKind::None => {
                        return Err(error(format!("cannot assign to {}", expr_name(&key)), through_equals));
                    }
                    _ => {
                        return Err(error(
                            "expression cannot contain assignment, perhaps you meant \"==\"?",
                            through_equals,
                        ))
                    }
                };
                if keywords.iter().any(|keyword| keyword.arg.as_deref() == Some(name.as_str())) {
                    return Err(error(format!("keyword argument repeated: {name}"), span));
                }
                seen_keyword = true;
                keywords.push(Keyword { arg: Some(name), value, span });
            }
            ArgItem::DoubleStar(value, span) => {
                seen_double_star = true;
                keywords.push(Keyword { arg: None, value, span });
            }
        }
    }
    Ok((args, keywords))
}

pub fn call(l: usize, r: usize, func: Expr, items: Vec<ArgItem>) -> Result<Expr, PErr> {
    let (args, keywords) = arguments(items, Span::new(r.saturating_sub(1), r))?;
    Ok(expr(l, r, ExprKind::Call { func: Box::new(func), args, keywords }))
}
