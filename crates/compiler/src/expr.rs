//! The code generator for expressions, assignment targets and comprehensions.

use std::sync::Arc;

use gilvm_syntax::ast::*;

use crate::bytecode::{CodeKind, Constant, Instr, Label};
use crate::compile::{syntax_error, CResult, Compiler};
use crate::scope;

/// Whether an expression needs the general (tuple/dict) calling convention.
fn has_star(args: &[Expr], keywords: &[Keyword]) -> bool {
    args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_))) || keywords.iter().any(|k| k.arg.is_none())
}

impl<'a> Compiler<'a> {
    pub fn expr(&mut self, e: &'a Expr) -> CResult {
        let saved = self.unit().span;
        self.set_span(e.span);
        self.expr_inner(e)?;
        self.set_span(saved);
        Ok(())
    }

    fn expr_inner(&mut self, e: &'a Expr) -> CResult {
        match &e.kind {
            ExprKind::Name(n) => self.load_name(n),
            ExprKind::Int(digits) => {
                let k = self.const_int(digits, e.span)?;
                self.emit(Instr::LoadConst(k));
            }
            ExprKind::Float(f) => {
                let k = self.add_const(Constant::Float(*f));
                self.emit(Instr::LoadConst(k));
            }
            ExprKind::Str(s) => {
                let k = self.const_str(s);
                self.emit(Instr::LoadConst(k));
            }
            ExprKind::True | ExprKind::False => {
                let k = self.add_const(Constant::Bool(matches!(e.kind, ExprKind::True)));
                self.emit(Instr::LoadConst(k));
            }
            ExprKind::None => {
                let k = self.add_const(Constant::None);
                self.emit(Instr::LoadConst(k));
            }
            ExprKind::Ellipsis => {
                let k = self.add_const(Constant::Ellipsis);
                self.emit(Instr::LoadConst(k));
            }
            ExprKind::FString(parts) => self.fstring(parts)?,
            ExprKind::List(items) => self.sequence(items, SeqKind::List)?,
            ExprKind::Tuple(items) => self.sequence(items, SeqKind::Tuple)?,
            ExprKind::Set(items) => self.sequence(items, SeqKind::Set)?,
            ExprKind::Dict(pairs) => self.dict(pairs)?,
            ExprKind::Starred(_) => {
                return Err(syntax_error("can't use starred expression here", e.span));
            }
            ExprKind::BinOp { left, op, right } => {
                self.expr(left)?;
                self.expr(right)?;
                self.emit(Instr::BinaryOp(*op));
            }
            ExprKind::UnaryOp { op, operand } => {
                if let (UnaryOp::Neg, Some(c)) = (op, negated_literal(operand)) {
                    let k = self.add_const(c);
                    self.emit(Instr::LoadConst(k));
                    return Ok(());
                }
                self.expr(operand)?;
                self.emit(match op {
                    UnaryOp::Neg => Instr::UnaryNegative,
                    UnaryOp::Pos => Instr::UnaryPositive,
                    UnaryOp::Not => Instr::UnaryNot,
                    UnaryOp::Invert => Instr::UnaryInvert,
                });
            }
            ExprKind::BoolOp { op, values } => {
                let end = self.new_label();
                for (i, v) in values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < values.len() {
                        self.emit(match op {
                            BoolOp::And => Instr::JumpIfFalseOrPop(end),
                            BoolOp::Or => Instr::JumpIfTrueOrPop(end),
                        });
                    }
                }
                self.bind_label(end);
            }
            ExprKind::Compare { left, ops, comparators } => self.compare(left, ops, comparators)?,
            ExprKind::Call { func, args, keywords } => self.call(func, args, keywords)?,
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let n = self.name_idx(attr);
                self.set_span(self.attr_span(e.span, e.span, attr));
                self.emit(Instr::LoadAttr(n));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.emit(Instr::BinarySubscr);
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper] {
                    match part {
                        Some(p) => self.expr(p)?,
                        None => self.load_none(),
                    }
                }
                match step {
                    Some(s) => {
                        self.expr(s)?;
                        self.emit(Instr::BuildSlice(3));
                    }
                    None => self.emit(Instr::BuildSlice(2)),
                }
            }
            ExprKind::IfExp { test, body, orelse } => {
                let else_label = self.new_label();
                let end = self.new_label();
                self.jump_if(test, false, else_label)?;
                self.expr(body)?;
                self.emit(Instr::Jump(end));
                self.bind_label(else_label);
                self.expr(orelse)?;
                self.bind_label(end);
            }
            ExprKind::Lambda { params, body } => {
                let qualname = self.qualname_for("<lambda>");
                let line = self.line_of(e.span.start);
                self.make_function(
                    scope::key(e),
                    params,
                    Arc::from("<lambda>"),
                    qualname,
                    line,
                    CodeKind::Lambda,
                    |c| {
                        c.expr(body)?;
                        c.emit(Instr::ReturnValue);
                        Ok(())
                    },
                )?;
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, "<listcomp>", generators, CompKind::List(elt))?
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, "<genexpr>", generators, CompKind::Gen(elt))?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, "<setcomp>", generators, CompKind::Set(elt))?
            }
            ExprKind::DictComp { key, value, generators } => {
                self.comprehension(e, "<dictcomp>", generators, CompKind::Dict(key, value))?
            }
            ExprKind::Yield(value) => {
                match value {
                    Some(v) => self.expr(v)?,
                    None => self.load_none(),
                }
                self.set_span(e.span);
                self.emit(Instr::YieldValue);
            }
            ExprKind::YieldFrom(iterable) => {
                self.expr(iterable)?;
                self.set_span(e.span);
                self.emit(Instr::GetYieldFromIter);
                self.load_none();
                let send = self.new_label();
                let done = self.new_label();
                self.bind_label(send);
                self.emit(Instr::Send(done));
                self.emit(Instr::YieldValue);
                self.emit(Instr::JumpBackward(send));
                self.bind_label(done);
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit(Instr::Copy(1));
                self.store_name(target);
            }
        }
        Ok(())
    }

    fn load_none(&mut self) {
        let k = self.add_const(Constant::None);
        self.emit(Instr::LoadConst(k));
    }

    /// Compiles `test` and jumps to `label` when its truth equals `when`.
    pub fn jump_if(&mut self, test: &'a Expr, when: bool, label: Label) -> CResult {
        match &test.kind {
            ExprKind::UnaryOp { op: UnaryOp::Not, operand } => self.jump_if(operand, !when, label),
            ExprKind::BoolOp { op, values } => {
                let is_and = *op == BoolOp::And;
                // `a and b` jumps on false if any is false; on true only if all are true.
                if is_and != when {
                    for v in values {
                        self.jump_if(v, when, label)?;
                    }
                } else {
                    let skip = self.new_label();
                    let (last, init) = values.split_last().expect("BoolOp has operands");
                    for v in init {
                        self.jump_if(v, !when, skip)?;
                    }
                    self.jump_if(last, when, label)?;
                    self.bind_label(skip);
                }
                Ok(())
            }
            ExprKind::Compare { left, ops, comparators }
                if ops.len() == 1 && !matches!(ops[0], CmpOp::Is | CmpOp::IsNot | CmpOp::In | CmpOp::NotIn) =>
            {
                self.expr(left)?;
                self.expr(&comparators[0])?;
                self.set_span(test.span);
                self.emit(if when {
                    Instr::CompareJumpIfTrue(ops[0], label)
                } else {
                    Instr::CompareJumpIfFalse(ops[0], label)
                });
                Ok(())
            }
            _ => {
                self.expr(test)?;
                self.emit(if when { Instr::PopJumpIfTrue(label) } else { Instr::PopJumpIfFalse(label) });
                Ok(())
            }
        }
    }

    fn compare_instr(op: CmpOp) -> Instr {
        match op {
            CmpOp::Is => Instr::IsOp(0),
            CmpOp::IsNot => Instr::IsOp(1),
            CmpOp::In => Instr::ContainsOp(0),
            CmpOp::NotIn => Instr::ContainsOp(1),
            other => Instr::CompareOp(other),
        }
    }

    // comparison: expr (comp_op expr)*
    fn compare(&mut self, left: &'a Expr, ops: &[CmpOp], comparators: &'a [Expr]) -> CResult {
        self.expr(left)?;
        if ops.len() == 1 {
            self.expr(&comparators[0])?;
            self.emit(Self::compare_instr(ops[0]));
            return Ok(());
        }
        let cleanup = self.new_label();
        let end = self.new_label();
        for (i, (op, right)) in ops.iter().zip(comparators).enumerate() {
            self.expr(right)?;
            if i + 1 < ops.len() {
                // [a, b] -> [b, a, b] -> compare -> [b, result]
                self.emit(Instr::Swap(2));
                self.emit(Instr::Copy(2));
                self.emit(Self::compare_instr(*op));
                self.emit(Instr::JumpIfFalseOrPop(cleanup));
            } else {
                self.emit(Self::compare_instr(*op));
            }
        }
        self.emit(Instr::Jump(end));
        self.bind_label(cleanup);
        self.emit(Instr::Swap(2));
        self.emit(Instr::PopTop);
        self.bind_label(end);
        Ok(())
    }

    // atom: '[' ... ']' | '(' ... ')' | '{' ... '}'
    fn sequence(&mut self, items: &'a [Expr], kind: SeqKind) -> CResult {
        let starred = items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_)));
        if !starred {
            // Like CPython, a set display of 3+ constants becomes an empty set updated
            // from a frozenset constant (which also decides the iteration order).
            if kind == SeqKind::Set && items.len() > 2 {
                if let Some(Constant::Tuple(consts)) = constant_tuple(items) {
                    self.emit(Instr::BuildSet(0));
                    let k = self.add_const(Constant::FrozenSet(consts));
                    self.emit(Instr::LoadConst(k));
                    self.emit(Instr::SetUpdate(1));
                    return Ok(());
                }
            }
            if kind == SeqKind::Tuple {
                if let Some(c) = constant_tuple(items) {
                    let k = self.add_const(c);
                    self.emit(Instr::LoadConst(k));
                    return Ok(());
                }
            }
            for i in items {
                self.expr(i)?;
            }
            let n = items.len() as u32;
            self.emit(match kind {
                SeqKind::List => Instr::BuildList(n),
                SeqKind::Tuple => Instr::BuildTuple(n),
                SeqKind::Set => Instr::BuildSet(n),
            });
            return Ok(());
        }
        // With `*x` items: build incrementally.
        self.emit(if kind == SeqKind::Set { Instr::BuildSet(0) } else { Instr::BuildList(0) });
        for i in items {
            match &i.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    self.emit(if kind == SeqKind::Set { Instr::SetUpdate(1) } else { Instr::ListExtend(1) });
                }
                _ => {
                    self.expr(i)?;
                    self.emit(if kind == SeqKind::Set { Instr::SetAdd(1) } else { Instr::ListAppend(1) });
                }
            }
        }
        if kind == SeqKind::Tuple {
            self.emit(Instr::ListToTuple);
        }
        Ok(())
    }

    fn dict(&mut self, pairs: &'a [(Option<Expr>, Expr)]) -> CResult {
        if pairs.iter().all(|(k, _)| k.is_some()) && pairs.len() < 16 {
            for (k, v) in pairs {
                self.expr(k.as_ref().expect("checked above"))?;
                self.expr(v)?;
            }
            self.emit(Instr::BuildMap(pairs.len() as u32));
            return Ok(());
        }
        self.emit(Instr::BuildMap(0));
        for (k, v) in pairs {
            match k {
                Some(k) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(Instr::MapAdd(1));
                }
                None => {
                    self.expr(v)?;
                    self.emit(Instr::DictUpdate(1));
                }
            }
        }
        Ok(())
    }

    fn fstring(&mut self, parts: &'a [FStringPart]) -> CResult {
        let mut n = 0;
        for p in parts {
            match p {
                FStringPart::Literal(s) => {
                    if s.is_empty() {
                        continue;
                    }
                    let k = self.const_str(s);
                    self.emit(Instr::LoadConst(k));
                }
                FStringPart::Value { value, conversion, format_spec, debug_text } => {
                    if let Some(text) = debug_text {
                        let k = self.const_str(text);
                        self.emit(Instr::LoadConst(k));
                        n += 1;
                    }
                    self.expr(value)?;
                    let mut flags = match conversion {
                        Some('s') => 1,
                        Some('r') => 2,
                        Some('a') => 3,
                        None if debug_text.is_some() && format_spec.is_empty() => 2,
                        _ => 0,
                    };
                    if !format_spec.is_empty() {
                        self.fstring(format_spec)?;
                        flags |= 4;
                    }
                    self.emit(Instr::FormatValue(flags));
                }
            }
            n += 1;
        }
        if n == 0 {
            let k = self.const_str("");
            self.emit(Instr::LoadConst(k));
        } else if n > 1 {
            self.emit(Instr::BuildString(n));
        }
        Ok(())
    }

    // call: primary '(' [arglist] ')'
    fn call(&mut self, func: &'a Expr, args: &'a [Expr], keywords: &'a [Keyword]) -> CResult {
        let span = self.unit().span;
        if has_star(args, keywords) {
            self.expr(func)?;
            self.sequence(args, SeqKind::Tuple)?;
            if args.iter().all(|a| !matches!(a.kind, ExprKind::Starred(_))) {
                // `sequence` built a plain tuple already.
            }
            if keywords.is_empty() {
                self.set_span(span);
                self.emit(Instr::CallEx(0));
            } else {
                self.emit(Instr::BuildMap(0));
                for kw in keywords {
                    match &kw.arg {
                        Some(name) => {
                            let k = self.const_str(name);
                            self.emit(Instr::LoadConst(k));
                            self.expr(&kw.value)?;
                            self.emit(Instr::MapAdd(1));
                        }
                        None => {
                            self.expr(&kw.value)?;
                            self.emit(Instr::DictUpdate(1));
                        }
                    }
                }
                self.set_span(span);
                self.emit(Instr::CallEx(1));
            }
            return Ok(());
        }
        if let (ExprKind::Attribute { value, attr }, true) = (&func.kind, keywords.is_empty()) {
            self.expr(value)?;
            let n = self.name_idx(attr);
            self.set_span(self.attr_span(func.span, func.span, attr));
            self.emit(Instr::LoadMethod(n));
            for a in args {
                self.expr(a)?;
            }
            self.set_span(self.attr_span(span, func.span, attr));
            self.emit(Instr::CallMethod(args.len() as u32));
            return Ok(());
        }
        self.expr(func)?;
        for a in args {
            self.expr(a)?;
        }
        if keywords.is_empty() {
            self.set_span(span);
            self.emit(Instr::Call(args.len() as u32));
            return Ok(());
        }
        let mut names = Vec::new();
        for kw in keywords {
            if let Some(name) = &kw.arg {
                if names.iter().any(|n: &Constant| matches!(n, Constant::Str(s) if **s == **name)) {
                    return Err(syntax_error(format!("keyword argument repeated: {name}"), kw.span));
                }
                names.push(Constant::Str(Arc::from(name.as_str())));
            }
            self.expr(&kw.value)?;
        }
        let k = self.add_const(Constant::Tuple(names));
        self.emit(Instr::LoadConst(k));
        match &func.kind {
            ExprKind::Attribute { attr, .. } => self.set_span(self.attr_span(span, func.span, attr)),
            _ => self.set_span(span),
        }
        self.emit(Instr::CallKw((args.len() + keywords.len()) as u32));
        Ok(())
    }

    // comprehension: elt comp_for (comp_for | comp_if)*
    fn comprehension(
        &mut self,
        e: &'a Expr,
        name: &str,
        generators: &'a [Comprehension],
        kind: CompKind<'a>,
    ) -> CResult {
        let key = scope::key(e);
        let qualname = self.qualname_for(name);
        let line = self.line_of(e.span.start);
        let mut flags = 0;
        self.push_unit(key, CodeKind::Comprehension, Arc::from(name), qualname, line);
        self.unit().argcount = 1;
        self.generator_prologue(line);
        self.set_span(e.span);
        match kind {
            CompKind::List(_) => self.emit(Instr::BuildList(0)),
            CompKind::Set(_) => self.emit(Instr::BuildSet(0)),
            CompKind::Dict(..) => self.emit(Instr::BuildMap(0)),
            CompKind::Gen(_) => {}
        }
        self.comp_loop(generators, 0, &kind)?;
        match kind {
            CompKind::Gen(_) => self.emit_return_none(),
            _ => self.emit(Instr::ReturnValue),
        }
        let code = self.pop_unit();
        if self.load_closure(key) {
            flags |= 8;
        }
        let k = self.add_const(Constant::Code(Arc::new(code)));
        self.emit(Instr::LoadConst(k));
        self.emit(Instr::MakeFunction(flags));
        let first = generators.first().ok_or_else(|| syntax_error("invalid syntax", e.span))?;
        self.expr(&first.iter)?;
        self.emit(Instr::GetIter);
        self.emit(Instr::Call(1));
        Ok(())
    }

    fn comp_loop(&mut self, generators: &'a [Comprehension], depth: usize, kind: &CompKind<'a>) -> CResult {
        let Some(g) = generators.get(depth) else {
            let n = depth as u32 + 1;
            match kind {
                CompKind::List(elt) => {
                    self.expr(elt)?;
                    self.emit(Instr::ListAppend(n));
                }
                CompKind::Set(elt) => {
                    self.expr(elt)?;
                    self.emit(Instr::SetAdd(n));
                }
                CompKind::Dict(k, v) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(Instr::MapAdd(n));
                }
                CompKind::Gen(elt) => {
                    self.expr(elt)?;
                    self.emit(Instr::YieldValue);
                    self.emit(Instr::PopTop);
                }
            }
            return Ok(());
        };
        if depth == 0 {
            self.emit(Instr::LoadFast(0));
        } else {
            self.expr(&g.iter)?;
            self.emit(Instr::GetIter);
        }
        let start = self.new_label();
        let end = self.new_label();
        self.bind_label(start);
        self.emit(Instr::ForIter(end));
        self.store_target(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, false, start)?;
        }
        self.comp_loop(generators, depth + 1, kind)?;
        self.emit(Instr::JumpBackward(start));
        self.bind_label(end);
        Ok(())
    }

    // ----- targets -----

    /// Stores tos into an assignment target.
    pub fn store_target(&mut self, t: &'a Expr) -> CResult {
        let saved = self.unit().span;
        self.set_span(t.span);
        match &t.kind {
            ExprKind::Name(n) => self.store_name(n),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let n = self.name_idx(attr);
                self.set_span(self.attr_span(t.span, t.span, attr));
                self.emit(Instr::StoreAttr(n));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.emit(Instr::StoreSubscr);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let star = items.iter().position(|i| matches!(i.kind, ExprKind::Starred(_)));
                match star {
                    None => self.emit(Instr::UnpackSequence(items.len() as u32)),
                    Some(pos) => {
                        if items.iter().filter(|i| matches!(i.kind, ExprKind::Starred(_))).count() > 1 {
                            return Err(syntax_error("multiple starred expressions in assignment", t.span));
                        }
                        let after = items.len() - pos - 1;
                        if pos > 255 || after > 255 {
                            return Err(syntax_error("too many expressions in star-unpacking assignment", t.span));
                        }
                        self.emit(Instr::UnpackEx(pos as u32 | (after as u32) << 8));
                    }
                }
                for i in items {
                    match &i.kind {
                        ExprKind::Starred(inner) => self.store_target(inner)?,
                        _ => self.store_target(i)?,
                    }
                }
            }
            ExprKind::Starred(_) => {
                return Err(syntax_error("starred assignment target must be in a list or tuple", t.span));
            }
            _ => return Err(syntax_error(format!("cannot assign to {}", describe(t)), t.span)),
        }
        self.set_span(saved);
        Ok(())
    }

    pub fn delete_target(&mut self, t: &'a Expr) -> CResult {
        self.set_span(t.span);
        match &t.kind {
            ExprKind::Name(n) => self.delete_name(n),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let n = self.name_idx(attr);
                self.set_span(self.attr_span(t.span, t.span, attr));
                self.emit(Instr::DeleteAttr(n));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.emit(Instr::DeleteSubscr);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.delete_target(i)?;
                }
            }
            _ => return Err(syntax_error(format!("cannot delete {}", describe(t)), t.span)),
        }
        Ok(())
    }

    /// CPython's `update_start_location_to_match_attr`: when `span` starts on another
    /// line than the one where attribute `attr` (the node spanning `attr_node`) ends, the
    /// location starts at the attribute name instead, so that a traceback for
    /// `obj\n    .method()` points at `.method`'s line.
    fn attr_span(&self, span: Span, attr_node: Span, attr: &str) -> Span {
        if self.line_of(span.start) == self.line_of(attr_node.end) || attr.len() > attr_node.end {
            return span;
        }
        let start = attr_node.end - attr.len();
        Span { start, end: span.end.max(start) }
    }

    // augassign: target augop expr
    //
    // As in CPython, loading and storing the target report the target's own span (a
    // caret under `d[k]`), and only the operator itself reports the whole statement.
    pub fn aug_assign(&mut self, target: &'a Expr, op: BinOp, value: &'a Expr) -> CResult {
        let span = self.unit().span;
        match &target.kind {
            ExprKind::Name(n) => {
                self.set_span(target.span);
                self.load_name(n);
                self.expr(value)?;
                self.set_span(span);
                self.emit(Instr::InplaceOp(op));
                self.set_span(target.span);
                self.store_name(n);
            }
            ExprKind::Attribute { value: obj, attr } => {
                self.expr(obj)?;
                self.emit(Instr::Copy(1));
                let n = self.name_idx(attr);
                let target_span = self.attr_span(target.span, target.span, attr);
                self.set_span(target_span);
                self.emit(Instr::LoadAttr(n));
                self.expr(value)?;
                self.set_span(span);
                self.emit(Instr::InplaceOp(op));
                self.emit(Instr::Swap(2));
                self.set_span(target_span);
                self.emit(Instr::StoreAttr(n));
            }
            ExprKind::Subscript { value: obj, index } => {
                self.expr(obj)?;
                self.expr(index)?;
                self.emit(Instr::Copy(2));
                self.emit(Instr::Copy(2));
                self.set_span(target.span);
                self.emit(Instr::BinarySubscr);
                self.expr(value)?;
                self.set_span(span);
                self.emit(Instr::InplaceOp(op));
                self.emit(Instr::Swap(3));
                self.emit(Instr::Swap(2));
                self.set_span(target.span);
                self.emit(Instr::StoreSubscr);
            }
            _ => {
                return Err(syntax_error(
                    format!("'{}' is an illegal expression for augmented assignment", describe(target)),
                    target.span,
                ))
            }
        }
        self.set_span(span);
        Ok(())
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum SeqKind {
    List,
    Tuple,
    Set,
}

enum CompKind<'a> {
    List(&'a Expr),
    Set(&'a Expr),
    Dict(&'a Expr, &'a Expr),
    /// A generator expression: yields each item.
    Gen(&'a Expr),
}

/// `-5` and `-2.5` fold to constants.
fn negated_literal(e: &Expr) -> Option<Constant> {
    match &e.kind {
        ExprKind::Int(digits) => match digits.parse::<i64>() {
            Ok(v) => v.checked_neg().map(Constant::Int),
            Err(_) => digits.parse::<num_bigint::BigInt>().ok().map(|b| Constant::BigInt(-b)),
        },
        ExprKind::Float(f) => Some(Constant::Float(-f)),
        _ => None,
    }
}

/// A tuple display made only of literals becomes one constant.
fn constant_tuple(items: &[Expr]) -> Option<Constant> {
    let mut out = Vec::with_capacity(items.len());
    for i in items {
        out.push(match &i.kind {
            ExprKind::Int(d) => match d.parse::<i64>() {
                Ok(v) => Constant::Int(v),
                Err(_) => Constant::BigInt(d.parse().ok()?),
            },
            ExprKind::Str(s) => Constant::Str(Arc::from(s.as_str())),
            ExprKind::True => Constant::Bool(true),
            ExprKind::False => Constant::Bool(false),
            ExprKind::None => Constant::None,
            ExprKind::Float(f) => Constant::Float(*f),
            ExprKind::UnaryOp { op: UnaryOp::Neg, operand } => negated_literal(operand)?,
            ExprKind::Tuple(inner) => constant_tuple(inner)?,
            _ => return None,
        });
    }
    Some(Constant::Tuple(out))
}

/// How CPython names an expression in "cannot assign to ..." messages.
fn describe(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Call { .. } => "function call",
        ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Str(_) => "literal",
        ExprKind::True | ExprKind::False | ExprKind::None => "literal",
        ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::BoolOp { .. } => "expression",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::FString(_) => "f-string expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Dict(_) => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::Ellipsis => "ellipsis",
        _ => "expression",
    }
}
