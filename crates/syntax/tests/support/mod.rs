//! Test-only helpers: a printer that writes the AST back as fully parenthesized Python,
//! and the one-line `check` helpers the test files are made of.

#![allow(dead_code)]

use gilvm_syntax::ast::*;
use gilvm_syntax::parse_module;

/// Parses `source` and compares its printed AST with `expected`.
#[track_caller]
pub fn check(source: &str, expected: &str) {
    match parse_module(source) {
        Ok(module) => assert_eq!(print_module(&module), expected, "source: {source:?}"),
        Err(err) => panic!("{source:?} failed to parse:\n{}", err.render("x.py", source)),
    }
}

/// Parses a one-expression module and compares the printed expression.
#[track_caller]
pub fn check_expr(source: &str, expected: &str) {
    let module = match parse_module(source) {
        Ok(module) => module,
        Err(err) => panic!("{source:?} failed to parse:\n{}", err.render("x.py", source)),
    };
    match module.body.as_slice() {
        [Stmt { kind: StmtKind::Expr(e), .. }] => assert_eq!(print_expr(e), expected, "source: {source:?}"),
        _ => panic!("{source:?} is not one expression statement"),
    }
}

/// Parses `source`, expects a syntax error, and compares it as CPython would print it.
#[track_caller]
pub fn check_error(source: &str, expected: &str) {
    match parse_module(source) {
        Ok(module) => panic!("{source:?} parsed, but should fail:\n{}", print_module(&module)),
        Err(err) => assert_eq!(err.render("x.py", source), expected, "source: {source:?}"),
    }
}

pub fn print_module(module: &Module) -> String {
    let mut out = Vec::new();
    for stmt in &module.body {
        print_stmt(stmt, 0, &mut out);
    }
    out.join("\n")
}

fn block(body: &[Stmt], level: usize, out: &mut Vec<String>) {
    for stmt in body {
        print_stmt(stmt, level + 1, out);
    }
}

fn join(exprs: &[Expr]) -> String {
    exprs.iter().map(print_expr).collect::<Vec<_>>().join(", ")
}

fn print_stmt(stmt: &Stmt, level: usize, out: &mut Vec<String>) {
    let pad = "    ".repeat(level);
    let mut line = |text: String| out.push(format!("{pad}{text}"));
    match &stmt.kind {
        StmtKind::Expr(e) => line(print_expr(e)),
        StmtKind::Assign { targets, value } => {
            let targets: Vec<String> = targets.iter().map(print_expr).collect();
            line(format!("{} = {}", targets.join(" = "), print_expr(value)));
        }
        StmtKind::AugAssign { target, op, value } => {
            line(format!("{} {}= {}", print_expr(target), op.symbol(), print_expr(value)))
        }
        StmtKind::AnnAssign { target, annotation, value } => {
            let value = value.as_ref().map(|v| format!(" = {}", print_expr(v))).unwrap_or_default();
            line(format!("{}: {}{value}", print_expr(target), print_expr(annotation)));
        }
        StmtKind::If { test, body, orelse } => {
            line(format!("if {}:", print_expr(test)));
            block(body, level, out);
            if !orelse.is_empty() {
                out.push(format!("{pad}else:"));
                block(orelse, level, out);
            }
        }
        StmtKind::While { test, body, orelse } => {
            line(format!("while {}:", print_expr(test)));
            block(body, level, out);
            if !orelse.is_empty() {
                out.push(format!("{pad}else:"));
                block(orelse, level, out);
            }
        }
        StmtKind::For { target, iter, body, orelse } => {
            line(format!("for {} in {}:", print_expr(target), print_expr(iter)));
            block(body, level, out);
            if !orelse.is_empty() {
                out.push(format!("{pad}else:"));
                block(orelse, level, out);
            }
        }
        StmtKind::Break => line("break".into()),
        StmtKind::Continue => line("continue".into()),
        StmtKind::Pass => line("pass".into()),
        StmtKind::FunctionDef(def) => {
            for decorator in &def.decorators {
                out.push(format!("{pad}@{}", print_expr(decorator)));
            }
            out.push(format!("{pad}def {}({}):", def.name, print_params(&def.params)));
            block(&def.body, level, out);
        }
        StmtKind::ClassDef(class) => {
            for decorator in &class.decorators {
                out.push(format!("{pad}@{}", print_expr(decorator)));
            }
            let mut args: Vec<String> = class.bases.iter().map(print_expr).collect();
            args.extend(class.keywords.iter().map(print_keyword));
            out.push(format!("{pad}class {}({}):", class.name, args.join(", ")));
            block(&class.body, level, out);
        }
        StmtKind::Return(value) => match value {
            Some(v) => line(format!("return {}", print_expr(v))),
            None => line("return".into()),
        },
        StmtKind::Global(names) => line(format!("global {}", names.join(", "))),
        StmtKind::Nonlocal(names) => line(format!("nonlocal {}", names.join(", "))),
        StmtKind::With { items, body } => {
            let items: Vec<String> = items
                .iter()
                .map(|item| match &item.target {
                    Some(t) => format!("{} as {}", print_expr(&item.context), print_expr(t)),
                    None => print_expr(&item.context),
                })
                .collect();
            line(format!("with {}:", items.join(", ")));
            block(body, level, out);
        }
        StmtKind::Try { body, handlers, orelse, finalbody } => {
            line("try:".into());
            block(body, level, out);
            for handler in handlers {
                let head = match (&handler.typ, &handler.name) {
                    (None, _) => "except:".to_string(),
                    (Some(t), None) => format!("except {}:", print_expr(t)),
                    (Some(t), Some(n)) => format!("except {} as {n}:", print_expr(t)),
                };
                out.push(format!("{pad}{head}"));
                block(&handler.body, level, out);
            }
            if !orelse.is_empty() {
                out.push(format!("{pad}else:"));
                block(orelse, level, out);
            }
            if !finalbody.is_empty() {
                out.push(format!("{pad}finally:"));
                block(finalbody, level, out);
            }
        }
        StmtKind::Raise { exc, cause } => {
            let mut text = "raise".to_string();
            if let Some(e) = exc {
                text.push_str(&format!(" {}", print_expr(e)));
            }
            if let Some(c) = cause {
                text.push_str(&format!(" from {}", print_expr(c)));
            }
            line(text);
        }
        StmtKind::Assert { test, msg } => match msg {
            Some(m) => line(format!("assert {}, {}", print_expr(test), print_expr(m))),
            None => line(format!("assert {}", print_expr(test))),
        },
        StmtKind::Delete(targets) => line(format!("del {}", join(targets))),
        StmtKind::Import(names) => line(format!("import {}", print_aliases(names))),
        StmtKind::ImportFrom { module, names } => line(format!("from {module} import {}", print_aliases(names))),
    }
}

fn print_aliases(names: &[Alias]) -> String {
    let names: Vec<String> = names
        .iter()
        .map(|alias| match &alias.asname {
            Some(asname) => format!("{} as {asname}", alias.name),
            None => alias.name.clone(),
        })
        .collect();
    names.join(", ")
}

fn print_param(param: &Param) -> String {
    let mut text = param.name.clone();
    if let Some(annotation) = &param.annotation {
        text.push_str(&format!(": {}", print_expr(annotation)));
    }
    if let Some(default) = &param.default {
        text.push_str(&format!("={}", print_expr(default)));
    }
    text
}

fn print_params(params: &Parameters) -> String {
    let mut parts: Vec<String> = params.args.iter().map(print_param).collect();
    match &params.vararg {
        Some(vararg) => parts.push(format!("*{}", print_param(vararg))),
        None if !params.kwonly.is_empty() => parts.push("*".into()),
        None => {}
    }
    parts.extend(params.kwonly.iter().map(print_param));
    if let Some(kwarg) = &params.kwarg {
        parts.push(format!("**{}", print_param(kwarg)));
    }
    parts.join(", ")
}

fn print_keyword(keyword: &Keyword) -> String {
    match &keyword.arg {
        Some(arg) => format!("{arg}={}", print_expr(&keyword.value)),
        None => format!("**{}", print_expr(&keyword.value)),
    }
}

fn print_comprehensions(generators: &[Comprehension]) -> String {
    let mut text = String::new();
    for generator in generators {
        text.push_str(&format!(" for {} in {}", print_expr(&generator.target), print_expr(&generator.iter)));
        for condition in &generator.ifs {
            text.push_str(&format!(" if {}", print_expr(condition)));
        }
    }
    text
}

fn print_fstring_parts(parts: &[FStringPart]) -> String {
    let mut text = String::new();
    for part in parts {
        match part {
            FStringPart::Literal(literal) => text.push_str(&format!("{literal:?}")),
            FStringPart::Value { value, conversion, format_spec, debug_text } => {
                text.push('{');
                if let Some(debug) = debug_text {
                    text.push_str(&format!("debug={debug:?} "));
                }
                text.push_str(&print_expr(value));
                if let Some(c) = conversion {
                    text.push_str(&format!("!{c}"));
                }
                if !format_spec.is_empty() {
                    text.push_str(&format!(":{}", print_fstring_parts(format_spec)));
                }
                text.push('}');
            }
        }
    }
    text
}

pub fn print_expr(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Name(name) => name.clone(),
        ExprKind::Int(digits) => digits.clone(),
        ExprKind::Float(value) => format!("{value:?}"),
        ExprKind::Str(text) => format!("{text:?}"),
        ExprKind::FString(parts) => format!("f[{}]", print_fstring_parts(parts)),
        ExprKind::True => "True".into(),
        ExprKind::False => "False".into(),
        ExprKind::None => "None".into(),
        ExprKind::Ellipsis => "...".into(),
        ExprKind::List(elts) => format!("[{}]", join(elts)),
        ExprKind::Tuple(elts) if elts.len() == 1 => format!("({},)", print_expr(&elts[0])),
        ExprKind::Tuple(elts) => format!("({})", join(elts)),
        ExprKind::Set(elts) => format!("{{{}}}", join(elts)),
        ExprKind::Dict(items) => {
            let items: Vec<String> = items
                .iter()
                .map(|(key, value)| match key {
                    Some(key) => format!("{}: {}", print_expr(key), print_expr(value)),
                    None => format!("**{}", print_expr(value)),
                })
                .collect();
            format!("{{{}}}", items.join(", "))
        }
        ExprKind::Starred(value) => format!("*{}", print_expr(value)),
        ExprKind::BinOp { left, op, right } => format!("({} {} {})", print_expr(left), op.symbol(), print_expr(right)),
        ExprKind::UnaryOp { op, operand } => {
            let symbol = match op {
                UnaryOp::Neg => "-",
                UnaryOp::Pos => "+",
                UnaryOp::Not => "not ",
                UnaryOp::Invert => "~",
            };
            format!("({symbol}{})", print_expr(operand))
        }
        ExprKind::BoolOp { op, values } => {
            let op = match op {
                BoolOp::And => " and ",
                BoolOp::Or => " or ",
            };
            format!("({})", values.iter().map(print_expr).collect::<Vec<_>>().join(op))
        }
        ExprKind::Compare { left, ops, comparators } => {
            let mut text = format!("({}", print_expr(left));
            for (op, comparator) in ops.iter().zip(comparators) {
                text.push_str(&format!(" {} {}", op.symbol(), print_expr(comparator)));
            }
            text.push(')');
            text
        }
        ExprKind::Call { func, args, keywords } => {
            let mut parts: Vec<String> = args.iter().map(print_expr).collect();
            parts.extend(keywords.iter().map(print_keyword));
            format!("{}({})", print_expr(func), parts.join(", "))
        }
        ExprKind::Attribute { value, attr } => format!("{}.{attr}", print_expr(value)),
        ExprKind::Subscript { value, index } => {
            format!("{}[{}]", print_expr(value), print_expr(index))
        }
        ExprKind::Slice { lower, upper, step } => {
            let part = |e: &Option<Box<Expr>>| e.as_ref().map(|e| print_expr(e)).unwrap_or_default();
            match step {
                Some(_) => format!("{}:{}:{}", part(lower), part(upper), part(step)),
                None => format!("{}:{}", part(lower), part(upper)),
            }
        }
        ExprKind::IfExp { test, body, orelse } => {
            format!("({} if {} else {})", print_expr(body), print_expr(test), print_expr(orelse))
        }
        ExprKind::Lambda { params, body } => {
            format!("(lambda {}: {})", print_params(params), print_expr(body))
        }
        ExprKind::ListComp { elt, generators } => {
            format!("[{}{}]", print_expr(elt), print_comprehensions(generators))
        }
        ExprKind::SetComp { elt, generators } => format!("{{{}{}}}", print_expr(elt), print_comprehensions(generators)),
        ExprKind::DictComp { key, value, generators } => {
            format!("{{{}: {}{}}}", print_expr(key), print_expr(value), print_comprehensions(generators))
        }
        ExprKind::GeneratorExp { elt, generators } => {
            format!("({}{})", print_expr(elt), print_comprehensions(generators))
        }
        ExprKind::Yield(value) => match value {
            Some(v) => format!("(yield {})", print_expr(v)),
            None => "(yield)".into(),
        },
        ExprKind::YieldFrom(value) => format!("(yield from {})", print_expr(value)),
        ExprKind::NamedExpr { target, value } => format!("({target} := {})", print_expr(value)),
    }
}
