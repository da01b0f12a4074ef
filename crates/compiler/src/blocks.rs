//! Code generation for the block statements (`with`, `try`) and for leaving blocks
//! early (`break`, `continue`, `return` through `finally`, `with` and handlers).

use gilvm_syntax::ast::*;

use crate::bytecode::{Constant, Instr};
use crate::compile::{syntax_error, CResult, Compiler, FBlock};

impl<'a> Compiler<'a> {
    pub(crate) fn break_continue(&mut self, is_break: bool, span: Span) -> CResult {
        let loop_pos = self.unit().fblocks.iter().rposition(|b| matches!(b, FBlock::While { .. } | FBlock::For { .. }));
        let Some(pos) = loop_pos else {
            let msg = if is_break { "'break' outside loop" } else { "'continue' not properly in loop" };
            return Err(syntax_error(msg, span));
        };
        // Unwind the blocks inside the loop, innermost first.
        let inner: Vec<FBlock<'a>> = self.unit().fblocks[pos + 1..].to_vec();
        let saved = self.unit().fblocks.clone();
        for (i, b) in inner.iter().enumerate().rev() {
            self.unit().fblocks.truncate(pos + 1 + i);
            self.unwind_block(b, false)?;
        }
        self.unit().fblocks = saved;
        self.set_span(span);
        match self.unit().fblocks[pos].clone() {
            FBlock::While { start, end } => {
                if is_break {
                    self.emit(Instr::Jump(end));
                } else {
                    self.emit(Instr::JumpBackward(start));
                }
            }
            FBlock::For { start, end } => {
                if is_break {
                    self.emit(Instr::PopTop);
                    self.emit(Instr::Jump(end));
                } else {
                    self.emit(Instr::JumpBackward(start));
                }
            }
            _ => unreachable!("loop_pos points at a loop block"),
        }
        Ok(())
    }
    /// Unwinds every block of the current unit (for `return`), keeping tos if asked.
    pub(crate) fn unwind_all(&mut self, preserve_tos: bool) -> CResult {
        let blocks = self.unit().fblocks.clone();
        for (i, b) in blocks.iter().enumerate().rev() {
            self.unit().fblocks.truncate(i);
            self.unwind_block(b, preserve_tos)?;
        }
        self.unit().fblocks = blocks;
        Ok(())
    }
    /// Emits what leaving `block` early requires. The block itself (and everything inside
    /// it) has already been removed from `fblocks`, so a `finally:` body compiled here
    /// does not unwind itself again.
    pub(crate) fn unwind_block(&mut self, block: &FBlock<'a>, preserve_tos: bool) -> CResult {
        match block {
            FBlock::While { .. } => {}
            FBlock::For { .. } => {
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::PopTop);
            }
            FBlock::TryExcept => self.emit(Instr::PopBlock),
            FBlock::Finally(body) => {
                self.emit(Instr::PopBlock);
                if preserve_tos {
                    self.unit().fblocks.push(FBlock::PopValue);
                }
                self.stmts(body)?;
                if preserve_tos {
                    self.unit().fblocks.pop();
                }
            }
            FBlock::PopValue => {
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::PopTop);
            }
            FBlock::ExceptHandler(name) => {
                self.emit(Instr::PopExcept);
                if let Some(name) = name {
                    self.clear_handler_name(name);
                }
            }
            FBlock::FinallyHandler => {
                self.emit(Instr::PopExcept);
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::PopTop);
            }
            FBlock::With => {
                self.emit(Instr::PopBlock);
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.call_exit_with_nones();
            }
        }
        Ok(())
    }
    pub(crate) fn clear_handler_name(&mut self, name: &str) {
        let k = self.add_const(Constant::None);
        self.emit(Instr::LoadConst(k));
        self.store_name(name);
        self.delete_name(name);
    }
    /// With `__exit__` on tos: calls `__exit__(None, None, None)` and drops the result.
    pub(crate) fn call_exit_with_nones(&mut self) {
        let k = self.add_const(Constant::None);
        for _ in 0..3 {
            self.emit(Instr::LoadConst(k));
        }
        self.emit(Instr::Call(3));
        self.emit(Instr::PopTop);
    }
    // with_stmt: 'with' with_item (',' with_item)* ':' suite
    pub(crate) fn with_stmt(&mut self, items: &'a [WithItem], body: &'a [Stmt], span: Span) -> CResult {
        let Some((first, rest)) = items.split_first() else {
            return self.stmts(body);
        };
        self.expr(&first.context)?;
        self.set_span(span);
        self.emit(Instr::BeforeWith);
        match &first.target {
            Some(t) => self.store_target(t)?,
            None => self.emit(Instr::PopTop),
        }
        let handler = self.new_label();
        let end = self.new_label();
        self.emit(Instr::SetupFinally(handler));
        self.unit().fblocks.push(FBlock::With);
        if rest.is_empty() {
            self.stmts(body)?;
        } else {
            self.with_stmt(rest, body, span)?;
        }
        self.unit().fblocks.pop();
        self.set_span(span);
        self.emit(Instr::PopBlock);
        self.call_exit_with_nones();
        self.emit(Instr::Jump(end));
        // Exception path: stack is [exit, exc].
        self.bind_label(handler);
        let suppress = self.new_label();
        self.emit(Instr::WithExceptStart);
        self.emit(Instr::PopJumpIfTrue(suppress));
        self.emit(Instr::Reraise);
        self.bind_label(suppress);
        self.emit(Instr::PopExcept);
        self.emit(Instr::PopTop);
        self.emit(Instr::PopTop);
        self.bind_label(end);
        Ok(())
    }
    // try_stmt: 'try' ':' suite (except_clause ':' suite)* ['else' ':' suite] ['finally' ':' suite]
    pub(crate) fn try_stmt(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
    ) -> CResult {
        let span = self.unit().span;
        let final_label = self.new_label();
        let end = self.new_label();
        if !finalbody.is_empty() {
            self.emit(Instr::SetupFinally(final_label));
            self.unit().fblocks.push(FBlock::Finally(finalbody));
        }
        if handlers.is_empty() {
            self.stmts(body)?;
            self.stmts(orelse)?;
        } else {
            self.try_except(body, handlers, orelse)?;
        }
        if !finalbody.is_empty() {
            self.unit().fblocks.pop();
            self.set_span(span);
            self.emit(Instr::PopBlock);
            self.stmts(finalbody)?;
            self.emit(Instr::Jump(end));
            // Exception path: stack is [exc].
            self.bind_label(final_label);
            self.unit().fblocks.push(FBlock::FinallyHandler);
            self.stmts(finalbody)?;
            self.unit().fblocks.pop();
            self.emit(Instr::Reraise);
        }
        self.bind_label(end);
        Ok(())
    }
    pub(crate) fn try_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
    ) -> CResult {
        let handler_label = self.new_label();
        let after = self.new_label();
        self.emit(Instr::SetupFinally(handler_label));
        self.unit().fblocks.push(FBlock::TryExcept);
        self.stmts(body)?;
        self.unit().fblocks.pop();
        self.emit(Instr::PopBlock);
        self.stmts(orelse)?;
        self.emit(Instr::Jump(after));
        self.bind_label(handler_label);
        for (i, h) in handlers.iter().enumerate() {
            self.set_span(h.span);
            let next = self.new_label();
            match &h.typ {
                Some(t) => {
                    self.expr(t)?;
                    self.emit(Instr::CheckExcMatch);
                    self.emit(Instr::PopJumpIfFalse(next));
                }
                None => {
                    if i + 1 != handlers.len() {
                        return Err(syntax_error("default 'except:' must be last", h.span));
                    }
                }
            }
            match &h.name {
                Some(n) => self.store_name(n),
                None => self.emit(Instr::PopTop),
            }
            self.unit().fblocks.push(FBlock::ExceptHandler(h.name.as_deref()));
            self.stmts(&h.body)?;
            self.unit().fblocks.pop();
            self.emit(Instr::PopExcept);
            if let Some(n) = &h.name {
                self.clear_handler_name(n);
            }
            self.emit(Instr::Jump(after));
            self.bind_label(next);
        }
        self.emit(Instr::Reraise);
        self.bind_label(after);
        Ok(())
    }
}
