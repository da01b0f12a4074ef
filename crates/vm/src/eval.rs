//! The bytecode dispatch loop.
//!
//! [`run`] executes instructions of the innermost frame, pushing and popping frames for
//! Python-to-Python calls without recursing in Rust. On an exception it saves the
//! frame's position and returns the error; [`Vm::run_frames`] then finds a handler and
//! calls `run` again. Backward jumps and calls count down `vm.ticks`; at zero they reach
//! the VM's single safe point, [`Vm::safe_point`].

use std::sync::atomic::Ordering;
use std::sync::Arc;

use gilvm_compiler::Instr;

use crate::errors::{type_error, unbound_free, unbound_local, PyErr, PyResult};
use crate::iter::IterState;
use crate::object::{Args, Code};
use crate::protocol::{self, truthy};
use crate::value::Value;
use crate::vm::{Block, Vm};

mod cold;
pub use cold::{make_exception, star_args, star_kwargs};

/// Dispatch loop modes (see [`run`]).
pub const FAST: u8 = 0;
pub const COUNTING: u8 = 1;
pub const ANY_POINT: u8 = 2;

/// Runs until the frame at depth `entry_depth` returns (or an exception escapes the
/// current frame's instructions).
///
/// `MODE` picks what the loop counts (see [`Vm::mode`]): [`FAST`] counts down safe
/// points only; [`COUNTING`] also counts every instruction (for an instruction-count
/// switch policy and `--stats`); [`ANY_POINT`] also lets the GIL change hands between any
/// two instructions. The three are one function, monomorphized.
pub fn run<const MODE: u8>(vm: &mut Vm, entry_depth: usize) -> PyResult<Value> {
    let mut fi = vm.frames.len() - 1;
    // SAFETY (for every `code` dereference below): `code` points into the `Arc<Function>`
    // of frame `fi`, which keeps it alive until that frame is popped; every place that
    // pops or switches frames reloads `code` (or returns) before using it again.
    let mut code: *const Code = &*vm.frames[fi].func.code;
    let mut ip = vm.frames[fi].ip;
    let mut base = vm.frames[fi].base;

    // Leaves the loop with an error, saving the position for the traceback.
    macro_rules! fail {
        ($e:expr) => {{
            vm.frames[fi].ip = ip;
            return Err($e);
        }};
    }
    macro_rules! tri {
        ($e:expr) => {
            match $e {
                Ok(v) => v,
                Err(e) => fail!(e),
            }
        };
    }
    macro_rules! pop {
        () => {
            vm.stack.pop().expect("value stack underflow")
        };
    }
    macro_rules! top {
        () => {
            vm.stack.last().expect("value stack underflow")
        };
    }
    // Switches the cached state to the (new) innermost frame.
    macro_rules! load_frame {
        () => {{
            fi = vm.frames.len() - 1;
            code = &*vm.frames[fi].func.code;
            ip = vm.frames[fi].ip;
            base = vm.frames[fi].base;
        }};
    }
    macro_rules! tick {
        () => {
            if MODE == FAST {
                vm.ticks -= 1;
                if vm.ticks == 0 {
                    vm.frames[fi].ip = ip;
                    tri!(vm.safe_point());
                }
            } else if vm.thread.icount >= vm.thread.check_at {
                vm.frames[fi].ip = ip;
                tri!(vm.safe_point());
            }
        };
    }

    loop {
        // SAFETY: see `code` above.
        let code: &Code = unsafe { &*code };
        // SAFETY: compiled code always ends in a return or a jump, so `ip` stays in bounds;
        // `instrs` is checked once per frame switch instead of once per instruction.
        debug_assert!(ip < code.instrs.len());
        let instr = unsafe { *code.instrs.get_unchecked(ip) };
        if MODE != FAST {
            vm.thread.icount += 1;
            if MODE == ANY_POINT && vm.thread.icount >= vm.thread.check_at {
                vm.frames[fi].ip = ip;
                tri!(vm.safe_point());
            }
        }
        ip += 1;
        match instr {
            Instr::Nop => {}
            Instr::PopTop => {
                pop!();
            }
            Instr::Copy(n) => {
                let v = vm.stack[vm.stack.len() - n as usize].clone();
                vm.stack.push(v);
            }
            Instr::Swap(n) => {
                let len = vm.stack.len();
                vm.stack.swap(len - 1, len - n as usize);
            }
            Instr::LoadConst(i) => vm.stack.push(code.consts[i as usize].clone()),
            Instr::LoadFast(i) => {
                let v = vm.stack[base + i as usize].clone();
                if let Value::Unbound = v {
                    fail!(unbound_local(&code.co.varnames[i as usize]));
                }
                vm.stack.push(v);
            }
            Instr::StoreFast(i) => {
                let v = pop!();
                vm.stack[base + i as usize] = v;
            }
            Instr::DeleteFast(i) => tri!(cold::delete_fast(vm, code, fi, i)),
            Instr::LoadGlobal(i) => {
                let name = &code.names[i as usize];
                let globals = &vm.frames[fi].func.globals;
                let cache = &code.global_cache[i as usize];
                match crate::dict::load_global(globals, &vm.interp.builtins, name, cache) {
                    Some(v) => vm.stack.push(v),
                    None => fail!(crate::suggest::name_error(vm, fi, name.as_str())),
                }
            }
            Instr::StoreGlobal(i) => {
                let v = pop!();
                let cache = &code.global_cache[i as usize];
                crate::dict::store_global(&vm.frames[fi].func.globals, &code.names[i as usize], v, cache);
            }
            Instr::DeleteGlobal(i) => tri!(cold::delete_global(vm, code, fi, i)),
            Instr::LoadName(i) => tri!(cold::load_name(vm, code, fi, i)),
            Instr::StoreName(i) => tri!(cold::store_name(vm, code, fi, i)),
            Instr::DeleteName(i) => tri!(cold::delete_name(vm, code, fi, i)),
            Instr::LoadDeref(i) => {
                let v = vm.frames[fi].cells[i as usize].value.lock().clone();
                if let Value::Unbound = v {
                    fail!(unbound_cell(code, i));
                }
                vm.stack.push(v);
            }
            Instr::StoreDeref(i) => {
                let v = pop!();
                *vm.frames[fi].cells[i as usize].value.lock() = v;
            }
            Instr::DeleteDeref(i) => tri!(cold::delete_deref(vm, code, fi, i)),
            Instr::LoadClassDeref(i) => tri!(cold::load_class_deref(vm, code, fi, i)),
            Instr::LoadClosure(i) => {
                let cell = vm.frames[fi].cells[i as usize].clone();
                vm.stack.push(Value::Cell(cell));
            }
            Instr::LoadFastAttr(local, name) => {
                let fast = match &vm.stack[base + local as usize] {
                    Value::Instance(inst) if !inst.class.has_hooks() => {
                        cached_instance_attr(inst, &code.names[name as usize], &code.attr_cache[name as usize])
                    }
                    _ => None,
                };
                match fast {
                    Some(v) => {
                        vm.stack.push(v);
                        ip += 1;
                    }
                    None => {
                        // Behave as the LoadFast; the LoadAttr that follows runs next.
                        let v = vm.stack[base + local as usize].clone();
                        if let Value::Unbound = v {
                            fail!(unbound_local(&code.co.varnames[local as usize]));
                        }
                        vm.stack.push(v);
                    }
                }
            }
            Instr::LoadFastConst(local, k) => {
                let v = vm.stack[base + local as usize].clone();
                if let Value::Unbound = v {
                    fail!(unbound_local(&code.co.varnames[local as usize]));
                }
                vm.stack.push(v);
                vm.stack.push(code.consts[k as usize].clone());
                ip += 1;
            }
            Instr::StoreFastAttr(local, name) => {
                let stored = match &vm.stack[base + local as usize] {
                    Value::Instance(inst)
                        if !inst.class.has_hooks() && inst.class.kind != crate::object::TypeKind::Exception =>
                    {
                        let inst = inst.clone();
                        let v = pop!();
                        store_instance_attr(&inst, &code.names[name as usize], &code.attr_cache[name as usize], v);
                        true
                    }
                    _ => false,
                };
                if stored {
                    ip += 1;
                } else {
                    let v = vm.stack[base + local as usize].clone();
                    if let Value::Unbound = v {
                        fail!(unbound_local(&code.co.varnames[local as usize]));
                    }
                    vm.stack.push(v);
                }
            }
            Instr::LoadAttr(i) => {
                let obj = pop!();
                if let Value::Instance(inst) = &obj {
                    if !inst.class.has_hooks() {
                        if let Some(v) =
                            cached_instance_attr(inst, &code.names[i as usize], &code.attr_cache[i as usize])
                        {
                            vm.stack.push(v);
                            continue;
                        }
                    }
                }
                let v = tri!(crate::attr::get_attr_name(vm, &obj, &code.names[i as usize]));
                vm.stack.push(v);
            }
            Instr::StoreAttr(i) => {
                let obj = pop!();
                let v = pop!();
                let v = match &obj {
                    Value::Instance(inst)
                        if !inst.class.has_hooks() && inst.class.kind != crate::object::TypeKind::Exception =>
                    {
                        store_instance_attr(inst, &code.names[i as usize], &code.attr_cache[i as usize], v);
                        continue;
                    }
                    _ => v,
                };
                tri!(crate::attr::set_attr_name(vm, &obj, &code.names[i as usize], v));
            }
            Instr::DeleteAttr(i) => {
                let obj = pop!();
                tri!(crate::attr::del_attr(vm, &obj, code.names[i as usize].as_str()));
            }
            Instr::LoadMethod(i) => {
                let obj = pop!();
                if let Some(f) = cached_method(&obj, &code.names[i as usize], &code.method_cache[i as usize]) {
                    vm.stack.push(f);
                    vm.stack.push(obj);
                    continue;
                }
                let (method, receiver) = tri!(crate::attr::load_method(vm, &obj, &code.names[i as usize]));
                vm.stack.push(method.unwrap_or(Value::Unbound));
                vm.stack.push(receiver);
            }
            Instr::CallMethod(n) => {
                let slot = vm.stack.len() - n as usize - 2;
                let argc = if let Value::Unbound = vm.stack[slot] {
                    vm.stack.remove(slot);
                    n
                } else {
                    n + 1
                };
                tick!();
                vm.frames[fi].ip = ip;
                match tri!(call_from_stack(vm, argc)) {
                    Some(v) => vm.stack.push(v),
                    None => load_frame!(),
                }
            }
            Instr::BinarySubscr => {
                let key = pop!();
                let container = pop!();
                if let (Value::List(l), Value::Int(i)) = (&container, &key) {
                    let items = l.items.lock();
                    if let Some(j) = protocol::norm_index(*i, items.len()) {
                        let v = items[j].clone();
                        drop(items);
                        vm.stack.push(v);
                        continue;
                    }
                }
                let v = tri!(protocol::getitem(vm, &container, &key));
                vm.stack.push(v);
            }
            Instr::StoreSubscr => {
                let key = pop!();
                let container = pop!();
                let v = pop!();
                tri!(protocol::setitem(vm, &container, &key, v));
            }
            Instr::DeleteSubscr => {
                let key = pop!();
                let container = pop!();
                tri!(protocol::delitem(vm, &container, &key));
            }
            Instr::BuildSlice(n) => {
                let step = if n == 3 { pop!() } else { Value::None };
                let stop = pop!();
                let start = pop!();
                vm.stack.push(Value::Slice(Arc::new(crate::value::Slice { start, stop, step })));
            }
            Instr::BinaryOp(op) | Instr::InplaceOp(op) => {
                let len = vm.stack.len();
                let result = match (&vm.stack[len - 2], &vm.stack[len - 1]) {
                    (Value::Int(a), Value::Int(b)) => fast_int_op(op, *a, *b),
                    (Value::Float(a), Value::Float(b)) => fast_float_op(op, a.get(), b.get()),
                    _ => None,
                };
                if let Some(v) = result {
                    // Both operands are immediates: overwrite without running drop glue.
                    // SAFETY: len - 1 < len; the dropped slots held no references.
                    unsafe {
                        std::ptr::write(vm.stack.as_mut_ptr().add(len - 2), v);
                        vm.stack.set_len(len - 1);
                    }
                    continue;
                }
                let inplace = matches!(instr, Instr::InplaceOp(_));
                if inplace && op == gilvm_syntax::ast::BinOp::Add {
                    if let (Value::Str(_), Value::Str(_)) = (&vm.stack[len - 2], &vm.stack[len - 1]) {
                        if append_str_in_place(vm, code, fi, base, ip) {
                            continue;
                        }
                    }
                }
                let b = pop!();
                let a = pop!();
                let v = tri!(crate::ops::binary_op(vm, op, &a, &b, inplace));
                vm.stack.push(v);
            }
            Instr::UnaryNegative => {
                let v = pop!();
                let r = tri!(crate::ops::unary_negative(vm, &v));
                vm.stack.push(r);
            }
            Instr::UnaryPositive => {
                let v = pop!();
                let r = tri!(crate::ops::unary_positive(vm, &v));
                vm.stack.push(r);
            }
            Instr::UnaryInvert => {
                let v = pop!();
                let r = tri!(crate::ops::unary_invert(vm, &v));
                vm.stack.push(r);
            }
            Instr::UnaryNot => {
                let v = pop!();
                let b = tri!(truthy(vm, &v));
                vm.stack.push(Value::bool(!b));
            }
            Instr::CompareOp(op) => {
                let len = vm.stack.len();
                if let (Value::Int(a), Value::Int(b)) = (&vm.stack[len - 2], &vm.stack[len - 1]) {
                    let r = Value::bool(int_compare(op, *a, *b));
                    // SAFETY: as in BinaryOp: both slots held immediates.
                    unsafe {
                        std::ptr::write(vm.stack.as_mut_ptr().add(len - 2), r);
                        vm.stack.set_len(len - 1);
                    }
                    continue;
                }
                let b = pop!();
                let a = pop!();
                let v = tri!(protocol::compare(vm, op, &a, &b));
                vm.stack.push(v);
            }
            Instr::CompareJumpIfFalse(op, t) | Instr::CompareJumpIfTrue(op, t) => {
                let want = matches!(instr, Instr::CompareJumpIfTrue(..));
                let len = vm.stack.len();
                let holds = if let (Value::Int(a), Value::Int(b)) = (&vm.stack[len - 2], &vm.stack[len - 1]) {
                    let r = int_compare(op, *a, *b);
                    // SAFETY: both slots held immediates; nothing to drop.
                    unsafe { vm.stack.set_len(len - 2) };
                    r
                } else {
                    let b = pop!();
                    let a = pop!();
                    match tri!(protocol::compare(vm, op, &a, &b)) {
                        Value::Bool(r) => r.get(),
                        other => tri!(truthy(vm, &other)),
                    }
                };
                if holds == want {
                    ip = t as usize;
                }
            }
            Instr::IsOp(invert) => {
                let b = pop!();
                let a = pop!();
                vm.stack.push(Value::bool(a.is(&b) != (invert == 1)));
            }
            Instr::ContainsOp(invert) => {
                let container = pop!();
                let item = pop!();
                let r = tri!(protocol::contains(vm, &container, &item));
                vm.stack.push(Value::bool(r != (invert == 1)));
            }
            Instr::Jump(t) => ip = t as usize,
            Instr::JumpBackward(t) => {
                ip = t as usize;
                tick!();
            }
            Instr::PopJumpIfFalse(t) => {
                let v = pop!();
                let b = match v {
                    Value::Bool(b) => b.get(),
                    other => tri!(truthy(vm, &other)),
                };
                if !b {
                    ip = t as usize;
                }
            }
            Instr::PopJumpIfTrue(t) => {
                let v = pop!();
                let b = match v {
                    Value::Bool(b) => b.get(),
                    other => tri!(truthy(vm, &other)),
                };
                if b {
                    ip = t as usize;
                }
            }
            Instr::JumpIfFalseOrPop(t) => {
                let v = top!().clone();
                if tri!(truthy(vm, &v)) {
                    pop!();
                } else {
                    ip = t as usize;
                }
            }
            Instr::JumpIfTrueOrPop(t) => {
                let v = top!().clone();
                if tri!(truthy(vm, &v)) {
                    ip = t as usize;
                } else {
                    pop!();
                }
            }
            Instr::GetIter => {
                let v = pop!();
                let it = tri!(crate::iter::get_iter(vm, &v));
                vm.stack.push(it);
            }
            Instr::ForIter(t) => {
                let it = top!().clone();
                // Fast paths for the two most common loops: ranges and lists.
                if let Value::Iter(obj) = &it {
                    let mut st = obj.state.lock();
                    match &mut *st {
                        IterState::Range { cur, stop, step } => {
                            if (*step > 0 && *cur < *stop) || (*step < 0 && *cur > *stop) {
                                let v = *cur;
                                *cur = cur.saturating_add(*step);
                                if *cur == v {
                                    *cur = *stop;
                                }
                                drop(st);
                                vm.stack.push(Value::Int(v));
                            } else {
                                drop(st);
                                pop!();
                                ip = t as usize;
                            }
                            continue;
                        }
                        IterState::List { list, idx } => {
                            let items = list.items.lock();
                            if *idx < items.len() {
                                let v = items[*idx].clone();
                                *idx += 1;
                                drop(items);
                                drop(st);
                                vm.stack.push(v);
                            } else {
                                drop(items);
                                *st = IterState::Exhausted;
                                drop(st);
                                pop!();
                                ip = t as usize;
                            }
                            continue;
                        }
                        _ => {}
                    }
                }
                match tri!(crate::iter::next(vm, &it)) {
                    Some(v) => vm.stack.push(v),
                    None => {
                        pop!();
                        ip = t as usize;
                    }
                }
            }
            Instr::BuildTuple(n) => {
                let items = vm.stack.split_off(vm.stack.len() - n as usize);
                vm.stack.push(Value::tuple(items));
            }
            Instr::BuildList(n) => {
                let items = vm.stack.split_off(vm.stack.len() - n as usize);
                vm.stack.push(Value::list(items));
            }
            Instr::BuildSet(n) => tri!(cold::build_set(vm, code, fi, n)),
            Instr::BuildMap(n) => tri!(cold::build_map(vm, code, fi, n)),
            Instr::BuildString(n) => tri!(cold::build_string(vm, code, fi, n)),
            Instr::ListToTuple => {
                let v = pop!();
                let items = match &v {
                    Value::List(l) => l.snapshot(),
                    _ => Vec::new(),
                };
                vm.stack.push(Value::tuple(items));
            }
            Instr::ListAppend(i) => {
                let v = pop!();
                if let Value::List(l) = &vm.stack[vm.stack.len() - i as usize] {
                    l.items.lock().push(v);
                }
            }
            Instr::ListExtend(i) => tri!(cold::list_extend(vm, code, fi, i)),
            Instr::SetAdd(i) => {
                let v = pop!();
                if let Value::Set(s) = vm.stack[vm.stack.len() - i as usize].clone() {
                    let k = tri!(protocol::set_key(vm, &s, &v));
                    s.table.lock().insert(k);
                }
            }
            Instr::SetUpdate(i) => tri!(cold::set_update(vm, code, fi, i)),
            Instr::MapAdd(i) => {
                let v = pop!();
                let k = pop!();
                if let Value::Dict(d) = vm.stack[vm.stack.len() - i as usize].clone() {
                    let key = tri!(protocol::dict_key(vm, &d, &k));
                    d.insert(key, v);
                }
            }
            Instr::DictUpdate(i) => tri!(cold::dict_update(vm, code, fi, i)),
            Instr::FormatValue(flags) => tri!(cold::format_value(vm, code, fi, flags)),
            Instr::UnpackSequence(n) => tri!(cold::unpack_sequence(vm, code, fi, n)),
            Instr::UnpackEx(arg) => tri!(cold::unpack_ex(vm, code, fi, arg)),
            Instr::Call(n) => {
                tick!();
                vm.frames[fi].ip = ip;
                match tri!(call_from_stack(vm, n)) {
                    Some(v) => vm.stack.push(v),
                    None => load_frame!(),
                }
            }
            Instr::CallKw(n) => {
                tick!();
                vm.frames[fi].ip = ip;
                let names = pop!();
                let mut pos = vm.stack.split_off(vm.stack.len() - n as usize);
                let callee = pop!();
                let names: Vec<Arc<str>> = match &names {
                    Value::Tuple(t) => t.items.iter().map(|n| Arc::from(n.as_str().unwrap_or(""))).collect(),
                    _ => Vec::new(),
                };
                let kwvals = pos.split_off(pos.len() - names.len());
                let args = Args { pos, kw: names.into_iter().zip(kwvals).collect() };
                match tri!(call_value(vm, callee, args)) {
                    Some(v) => vm.stack.push(v),
                    None => load_frame!(),
                }
            }
            Instr::CallEx(flags) => {
                tick!();
                vm.frames[fi].ip = ip;
                let kwargs = if flags & 1 != 0 { Some(pop!()) } else { None };
                let args = pop!();
                let callee = pop!();
                let pos = tri!(cold::star_args(vm, &callee, &args));
                let kw = match kwargs {
                    Some(d) => tri!(cold::star_kwargs(vm, &callee, &d)),
                    None => Vec::new(),
                };
                match tri!(call_value(vm, callee, Args { pos, kw })) {
                    Some(v) => vm.stack.push(v),
                    None => load_frame!(),
                }
            }
            Instr::MakeFunction(flags) => tri!(cold::make_function(vm, code, fi, flags)),
            Instr::LoadBuildClass => vm.stack.push(crate::builtins::build_class_builtin()),
            Instr::LoadAssertionError => {
                vm.stack.push(Value::Class(crate::types::types().exc("AssertionError")));
            }
            Instr::ReturnValue => {
                let v = pop!();
                let frame = vm.frames.pop().expect("a frame is running");
                vm.stack.truncate(frame.base - 1);
                if vm.frames.len() < entry_depth {
                    return Ok(v);
                }
                vm.stack.push(v);
                load_frame!();
            }
            Instr::ReturnGenerator => {
                vm.frames[fi].ip = ip;
                let g = crate::generator::create(vm);
                if vm.frames.len() < entry_depth {
                    return Ok(g);
                }
                vm.stack.push(g);
                load_frame!();
            }
            Instr::YieldValue => {
                // A generator's frame is always the one its `resume` entered the loop
                // with; `resume` takes it off the frame stack.
                debug_assert_eq!(vm.frames.len(), entry_depth);
                let v = pop!();
                vm.frames[fi].ip = ip;
                vm.yielded = true;
                return Ok(v);
            }
            Instr::GetYieldFromIter => {
                let v = pop!();
                let it =
                    if crate::generator::as_generator(&v).is_some() { v } else { tri!(crate::iter::get_iter(vm, &v)) };
                vm.stack.push(it);
            }
            Instr::Send(t) => {
                vm.frames[fi].ip = ip;
                let v = pop!();
                let it = top!().clone();
                match tri!(cold::send(vm, &it, v)) {
                    crate::generator::Resumed::Yielded(x) => vm.stack.push(x),
                    crate::generator::Resumed::Returned(r) => {
                        pop!();
                        vm.stack.push(r);
                        ip = t as usize;
                    }
                }
            }
            Instr::ImportName(i) => tri!(cold::import_name(vm, code, fi, i)),
            Instr::ImportFrom(i) => tri!(cold::import_from(vm, code, fi, i)),
            Instr::ImportStar => tri!(cold::import_star(vm, code, fi)),
            Instr::SetupFinally(t) => {
                let block = Block { handler: t, depth: vm.stack.len() as u32, exc_depth: vm.exc_stack.len() as u32 };
                vm.frames[fi].blocks.push(block);
            }
            Instr::PopBlock => {
                vm.frames[fi].blocks.pop();
            }
            Instr::PopExcept => {
                vm.exc_stack.pop();
            }
            Instr::CheckExcMatch => tri!(cold::check_exc_match(vm, code, fi)),
            Instr::Reraise => {
                let exc = pop!();
                match exc {
                    Value::Instance(inst) => fail!(PyErr(inst)),
                    _ => fail!(type_error("exceptions must derive from BaseException")),
                }
            }
            Instr::Raise(n) => tri!(cold::raise(vm, code, fi, n)),
            Instr::BeforeWith => {
                // `__enter__` may block (a lock): keep the position for deadlock reports.
                vm.frames[fi].ip = ip;
                tri!(cold::before_with(vm, code, fi))
            }
            Instr::WithExceptStart => tri!(cold::with_except_start(vm, code, fi)),
        }
    }
}

/// `s += t` for strings, when the result is stored straight back into the variable
/// `s` came from (CPython's in-place concatenation): the variable's reference is
/// released first, and if the value stack then holds the only reference, `t` is
/// appended in place instead of copying `s`. Returns false (changing nothing) when
/// the pattern does not apply.
fn append_str_in_place(vm: &mut Vm, code: &Code, fi: usize, base: usize, ip: usize) -> bool {
    let len = vm.stack.len();
    let Value::Str(left) = &vm.stack[len - 2] else { return false };
    let left_ptr = Arc::as_ptr(left);
    let same = |v: &Value| matches!(v, Value::Str(s) if Arc::as_ptr(s) == left_ptr);
    // Release the variable's reference; the store that follows overwrites it anyway.
    match code.instrs.get(ip) {
        Some(Instr::StoreFast(i)) => {
            let slot = &mut vm.stack[base + *i as usize];
            if !same(slot) {
                return false;
            }
            let released = std::mem::replace(slot, Value::Unbound);
            drop(released);
        }
        Some(Instr::StoreGlobal(i)) => {
            let name = &code.names[*i as usize];
            let globals = vm.frames[fi].func.globals.clone();
            let mut map = globals.map.lock();
            let Some(slot) = map.get_mut(&crate::dict::StrLookup(name)) else { return false };
            if !same(slot) {
                return false;
            }
            let released = std::mem::replace(slot, Value::None);
            drop(map);
            drop(released);
        }
        _ => return false,
    }
    let right = vm.stack.pop().expect("two operands");
    let Some(Value::Str(left)) = vm.stack.last_mut() else { return false };
    match (Arc::get_mut(left), &right) {
        (Some(s), Value::Str(r)) => s.push_str(r.as_str()),
        (_, Value::Str(r)) => {
            let mut joined = String::with_capacity(left.as_str().len() + r.as_str().len());
            joined.push_str(left.as_str());
            joined.push_str(r.as_str());
            *left = Arc::new(crate::value::PyStr::new(joined));
        }
        _ => {}
    }
    true
}

/// `obj.name` as an unbound method, through the per-name method cache (the index of the
/// method in the class dict, validated by key identity): a function defined in an
/// instance's own class when the instance dict does not shadow it, or a method of
/// `str`, `list` or `dict` (built-in types cannot change). `None` sends `LoadMethod`
/// down the generic path (inherited methods, hooks, other receivers).
#[inline(always)]
fn cached_method(obj: &Value, name: &crate::value::PyStr, slot: &std::sync::atomic::AtomicUsize) -> Option<Value> {
    let t = crate::types::types();
    // Instances take functions; built-in types take builtins bound to them.
    let (cls, instance) = match obj {
        Value::Instance(inst) => {
            if inst.class.has_hooks() || inst.dict.lock().contains_name(name) {
                return None;
            }
            (&inst.class, true)
        }
        Value::Str(_) => (&t.str, false),
        Value::List(_) => (&t.list, false),
        Value::Dict(_) => (&t.dict, false),
        _ => return None,
    };
    let is_method = |v: &Value| match v {
        Value::Function(_) => instance,
        Value::Builtin(b) => !instance && b.owner.is_some(),
        _ => false,
    };
    let dict = cls.dict.read();
    match dict.get_at(slot.load(Ordering::Relaxed), name) {
        Some(v) if is_method(v) => Some(v.clone()),
        Some(_) => None,
        None => match dict.get_full_name(name) {
            Some((index, v)) if is_method(v) => {
                slot.store(index, Ordering::Relaxed);
                Some(v.clone())
            }
            _ => None,
        },
    }
}

/// `inst.name` through the per-name inline cache (an index into the instance dict,
/// validated by key identity); `None` when the name is not in the instance dict. The
/// hit is inlined into the dispatch loop; a miss takes the outlined path.
#[inline(always)]
fn cached_instance_attr(
    inst: &crate::object::Instance,
    name: &crate::value::PyStr,
    slot: &std::sync::atomic::AtomicUsize,
) -> Option<Value> {
    let dict = inst.dict.lock();
    if let Some(v) = dict.get_at(slot.load(Ordering::Relaxed), name) {
        return Some(v.clone());
    }
    drop(dict);
    instance_attr_miss(inst, name, slot)
}

#[inline(never)]
fn instance_attr_miss(
    inst: &crate::object::Instance,
    name: &crate::value::PyStr,
    slot: &std::sync::atomic::AtomicUsize,
) -> Option<Value> {
    let dict = inst.dict.lock();
    dict.get_full_name(name).map(|(index, v)| {
        slot.store(index, Ordering::Relaxed);
        v.clone()
    })
}

/// `inst.name = value` through the same cache (for classes without attribute hooks).
#[inline(always)]
fn store_instance_attr(
    inst: &crate::object::Instance,
    name: &Arc<crate::value::PyStr>,
    slot: &std::sync::atomic::AtomicUsize,
    value: Value,
) {
    let mut dict = inst.dict.lock();
    match dict.set_at(slot.load(Ordering::Relaxed), name, value) {
        Ok(old) => {
            drop(dict);
            // The replaced value is dropped with no lock held.
            drop(old);
        }
        Err(value) => {
            drop(dict);
            store_instance_attr_miss(inst, name, slot, value);
        }
    }
}

#[inline(never)]
fn store_instance_attr_miss(
    inst: &crate::object::Instance,
    name: &Arc<crate::value::PyStr>,
    slot: &std::sync::atomic::AtomicUsize,
    value: Value,
) {
    let mut dict = inst.dict.lock();
    let (index, old) = dict.insert_full(name.clone(), value);
    slot.store(index, Ordering::Relaxed);
    drop(dict);
    drop(old);
}

fn unbound_cell(code: &Code, i: u32) -> PyErr {
    let name = code.co.deref_name(i);
    if (i as usize) < code.co.cellvars.len() {
        unbound_local(name)
    } else {
        unbound_free(name)
    }
}

#[inline]
fn fast_int_op(op: gilvm_syntax::ast::BinOp, a: i64, b: i64) -> Option<Value> {
    use gilvm_syntax::ast::BinOp::*;
    match op {
        Add => a.checked_add(b).map(Value::Int),
        Sub => a.checked_sub(b).map(Value::Int),
        Mul => a.checked_mul(b).map(Value::Int),
        Mod if b > 0 && a >= 0 => Some(Value::Int(a % b)),
        FloorDiv if b > 0 && a >= 0 => Some(Value::Int(a / b)),
        BitAnd => Some(Value::Int(a & b)),
        BitOr => Some(Value::Int(a | b)),
        BitXor => Some(Value::Int(a ^ b)),
        _ => None,
    }
}

#[inline]
fn fast_float_op(op: gilvm_syntax::ast::BinOp, a: f64, b: f64) -> Option<Value> {
    use gilvm_syntax::ast::BinOp::*;
    match op {
        Add => Some(Value::float(a + b)),
        Sub => Some(Value::float(a - b)),
        Mul => Some(Value::float(a * b)),
        Div if b != 0.0 => Some(Value::float(a / b)),
        _ => None,
    }
}

#[inline]
fn int_compare(op: gilvm_syntax::ast::CmpOp, a: i64, b: i64) -> bool {
    use gilvm_syntax::ast::CmpOp::*;
    match op {
        Lt => a < b,
        LtE => a <= b,
        Gt => a > b,
        GtE => a >= b,
        Eq => a == b,
        NotEq => a != b,
        _ => false,
    }
}

/// Calls the callable below `argc` arguments on the stack. Returns `None` when a new
/// Python frame was pushed (the loop continues in it), or the result of a native call.
fn call_from_stack(vm: &mut Vm, argc: u32) -> PyResult<Option<Value>> {
    let n = argc as usize;
    let callee_slot = vm.stack.len() - n - 1;
    if let Some(v) = call_fast_builtin(vm, callee_slot, n)? {
        return Ok(Some(v));
    }
    if let Value::Function(_) = &vm.stack[callee_slot] {
        // Move the function out of its stack slot (the slot is dead from here on).
        let Value::Function(f) = std::mem::replace(&mut vm.stack[callee_slot], Value::None) else {
            unreachable!("checked above")
        };
        let co = &f.code.co;
        if f.code.simple && n == co.argcount as usize {
            // Arguments become the new frame's first locals in place.
            vm.push_frame(f, callee_slot + 1)?;
            return Ok(None);
        }
        let pos = vm.stack.split_off(callee_slot + 1);
        vm.stack.pop();
        vm.push_function_frame(&f, Args::new(pos))?;
        return Ok(None);
    }
    if let Value::BoundMethod(_) = &vm.stack[callee_slot] {
        // The receiver goes first: build the arguments with it, in one allocation. A
        // bound method only the stack holds (`with`'s `__exit__`) is taken apart
        // without touching reference counts.
        let Value::BoundMethod(m) = std::mem::replace(&mut vm.stack[callee_slot], Value::None) else {
            unreachable!("checked above")
        };
        let (receiver, func) = match Arc::try_unwrap(m) {
            Ok(m) => (m.receiver, m.func),
            Err(m) => (m.receiver.clone(), m.func.clone()),
        };
        let mut pos = Vec::with_capacity(n + 1);
        pos.push(receiver);
        pos.extend(vm.stack.drain(callee_slot + 1..));
        vm.stack.pop();
        return match &func {
            Value::Function(f) => vm.push_function_frame(f, Args::new(pos)).map(|_| None),
            func => crate::call::call_other(vm, func, Args::new(pos)).map(Some),
        };
    }
    let pos = vm.stack.split_off(callee_slot + 1);
    let callee = vm.stack.pop().expect("callee below the arguments");
    call_value(vm, callee, Args::new(pos))
}

/// `str(x)`, `len(x)` and `list.append(x)` (as a method call: callee, receiver, item)
/// without building `Args`; `None` when the call is not one of them.
#[inline]
fn call_fast_builtin(vm: &mut Vm, callee_slot: usize, n: usize) -> PyResult<Option<Value>> {
    if let (1, Value::Class(cls)) = (n, &vm.stack[callee_slot]) {
        // `str(x)`: the built-in class itself, not a subclass or a shadowing name.
        if Arc::ptr_eq(cls, &crate::types::types().str) {
            let arg = vm.stack.pop().expect("one argument");
            vm.stack.pop();
            return Ok(Some(match arg {
                Value::Str(_) => arg,
                other => Value::str(protocol::str(vm, &other)?),
            }));
        }
        return Ok(None);
    }
    let Value::Builtin(b) = &vm.stack[callee_slot] else { return Ok(None) };
    let fast = &vm.interp.fast;
    if n == 1 && fast.len.as_ref().is_some_and(|f| Arc::ptr_eq(f, b)) {
        let arg = vm.stack.pop().expect("one argument");
        vm.stack.pop();
        return Ok(Some(Value::Int(protocol::len(vm, &arg)? as i64)));
    }
    if n == 2 && fast.list_append.as_ref().is_some_and(|f| Arc::ptr_eq(f, b)) {
        if let Value::List(list) = &vm.stack[callee_slot + 1] {
            let list = list.clone();
            let item = vm.stack.pop().expect("two arguments");
            vm.stack.truncate(callee_slot);
            list.items.lock().push(item);
            return Ok(Some(Value::None));
        }
    }
    Ok(None)
}

/// Calls `callee`: pushes a frame for Python functions (returning `None`), else runs it.
fn call_value(vm: &mut Vm, callee: Value, mut args: Args) -> PyResult<Option<Value>> {
    match &callee {
        Value::Function(f) => {
            vm.push_function_frame(f, args)?;
            Ok(None)
        }
        Value::BoundMethod(m) if matches!(m.func, Value::Function(_)) => {
            args.prepend(m.receiver.clone());
            let Value::Function(f) = &m.func else { unreachable!("checked by the guard") };
            vm.push_function_frame(f, args)?;
            Ok(None)
        }
        _ => crate::call::call_other(vm, &callee, args).map(Some),
    }
}
