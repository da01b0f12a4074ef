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

use crate::errors::{name_error, type_error, unbound_free, unbound_local, value_error, PyErr, PyResult};
use crate::iter::IterState;
use crate::object::{Args, Code, Function};
use crate::protocol::{self, truthy};
use crate::value::{Cell, Value};
use crate::vm::{Block, Vm};

/// Runs until the frame at depth `entry_depth` returns (or an exception escapes the
/// current frame's instructions).
pub fn run(vm: &mut Vm, entry_depth: usize) -> PyResult<Value> {
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
            vm.ticks -= 1;
            if vm.ticks == 0 {
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
            Instr::DeleteFast(i) => {
                let slot = &mut vm.stack[base + i as usize];
                if let Value::Unbound = slot {
                    fail!(unbound_local(&code.co.varnames[i as usize]));
                }
                *slot = Value::Unbound;
            }
            Instr::LoadGlobal(i) => {
                let name = &code.names[i as usize];
                let globals = &vm.frames[fi].func.globals;
                let cache = &code.global_cache[i as usize];
                match crate::dict::load_global(globals, &vm.interp.builtins, name, cache) {
                    Some(v) => vm.stack.push(v),
                    None => fail!(name_error(name.as_str())),
                }
            }
            Instr::StoreGlobal(i) => {
                let v = pop!();
                let cache = &code.global_cache[i as usize];
                crate::dict::store_global(&vm.frames[fi].func.globals, &code.names[i as usize], v, cache);
            }
            Instr::DeleteGlobal(i) => {
                let name = &code.names[i as usize];
                let key = crate::dict::HKey::str(name.clone());
                if vm.frames[fi].func.globals.remove(&key).is_none() {
                    fail!(name_error(name.as_str()));
                }
            }
            Instr::LoadName(i) => {
                let name = &code.names[i as usize];
                let frame = &vm.frames[fi];
                let found = frame.ns.as_ref().and_then(|ns| ns.get_pystr(name));
                let v = match found.or_else(|| frame.func.globals.get_pystr(name)) {
                    Some(v) => v,
                    None => match vm.interp.builtins.get_pystr(name) {
                        Some(v) => v,
                        None => fail!(name_error(name.as_str())),
                    },
                };
                vm.stack.push(v);
            }
            Instr::StoreName(i) => {
                let v = pop!();
                let key = crate::dict::HKey::str(code.names[i as usize].clone());
                let frame = &vm.frames[fi];
                match &frame.ns {
                    Some(ns) => ns.insert(key, v),
                    None => frame.func.globals.insert(key, v),
                }
            }
            Instr::DeleteName(i) => {
                let name = &code.names[i as usize];
                let key = crate::dict::HKey::str(name.clone());
                let frame = &vm.frames[fi];
                let ns = frame.ns.clone().unwrap_or_else(|| frame.func.globals.clone());
                if ns.remove(&key).is_none() {
                    fail!(name_error(name.as_str()));
                }
            }
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
            Instr::DeleteDeref(i) => {
                let cell = vm.frames[fi].cells[i as usize].clone();
                let mut slot = cell.value.lock();
                if let Value::Unbound = *slot {
                    drop(slot);
                    fail!(unbound_cell(code, i));
                }
                *slot = Value::Unbound;
            }
            Instr::LoadClassDeref(i) => {
                let name = code.co.deref_name(i);
                let from_ns = vm.frames[fi].ns.as_ref().and_then(|ns| ns.get_str(name));
                let v = match from_ns {
                    Some(v) => v,
                    None => vm.frames[fi].cells[i as usize].value.lock().clone(),
                };
                if let Value::Unbound = v {
                    fail!(unbound_cell(code, i));
                }
                vm.stack.push(v);
            }
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
                if let Value::Instance(inst) = &obj {
                    let name = &code.names[i as usize];
                    if !inst.class.has_hooks() && inst.dict.lock().get_name(name).is_none() {
                        let slot = &code.method_cache[i as usize];
                        let cls_dict = inst.class.dict.read();
                        let method = match cls_dict.get_at(slot.load(Ordering::Relaxed), name) {
                            Some(f @ Value::Function(_)) => Some(f.clone()),
                            Some(_) => None,
                            None => match cls_dict.get_full_name(name) {
                                Some((index, f @ Value::Function(_))) => {
                                    slot.store(index, Ordering::Relaxed);
                                    Some(f.clone())
                                }
                                _ => None,
                            },
                        };
                        drop(cls_dict);
                        if let Some(f) = method {
                            vm.stack.push(f);
                            vm.stack.push(obj);
                            continue;
                        }
                    }
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
                    (Value::Float(a), Value::Float(b)) => fast_float_op(op, *a, *b),
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
                vm.stack.push(Value::Bool(!b));
            }
            Instr::CompareOp(op) => {
                let len = vm.stack.len();
                if let (Value::Int(a), Value::Int(b)) = (&vm.stack[len - 2], &vm.stack[len - 1]) {
                    let r = Value::Bool(int_compare(op, *a, *b));
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
                        Value::Bool(r) => r,
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
                vm.stack.push(Value::Bool(a.is(&b) != (invert == 1)));
            }
            Instr::ContainsOp(invert) => {
                let container = pop!();
                let item = pop!();
                let r = tri!(protocol::contains(vm, &container, &item));
                vm.stack.push(Value::Bool(r != (invert == 1)));
            }
            Instr::Jump(t) => ip = t as usize,
            Instr::JumpBackward(t) => {
                ip = t as usize;
                tick!();
            }
            Instr::PopJumpIfFalse(t) => {
                let v = pop!();
                let b = match v {
                    Value::Bool(b) => b,
                    other => tri!(truthy(vm, &other)),
                };
                if !b {
                    ip = t as usize;
                }
            }
            Instr::PopJumpIfTrue(t) => {
                let v = pop!();
                let b = match v {
                    Value::Bool(b) => b,
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
            Instr::BuildSet(n) => {
                let items = vm.stack.split_off(vm.stack.len() - n as usize);
                let mut table = crate::set::SetTable::default();
                for item in items {
                    let k = tri!(protocol::table_key(vm, &table, &item));
                    table.insert(k);
                }
                vm.stack.push(Value::Set(Arc::new(crate::set::Set::new(table))));
            }
            Instr::BuildMap(n) => {
                let items = vm.stack.split_off(vm.stack.len() - 2 * n as usize);
                let dict = crate::dict::Dict::new();
                let mut it = items.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    let key = tri!(protocol::dict_key(vm, &dict, &k));
                    dict.insert(key, v);
                }
                vm.stack.push(Value::Dict(Arc::new(dict)));
            }
            Instr::BuildString(n) => {
                let parts = vm.stack.split_off(vm.stack.len() - n as usize);
                let mut s = String::new();
                for p in &parts {
                    if let Value::Str(ps) = p {
                        s.push_str(ps.as_str());
                    }
                }
                vm.stack.push(Value::str(s));
            }
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
            Instr::ListExtend(i) => {
                let v = pop!();
                let items = tri!(protocol::collect(vm, &v));
                if let Value::List(l) = &vm.stack[vm.stack.len() - i as usize] {
                    l.items.lock().extend(items);
                }
            }
            Instr::SetAdd(i) => {
                let v = pop!();
                if let Value::Set(s) = vm.stack[vm.stack.len() - i as usize].clone() {
                    let k = tri!(protocol::set_key(vm, &s, &v));
                    s.table.lock().insert(k);
                }
            }
            Instr::SetUpdate(i) => {
                let v = pop!();
                if let Value::Set(s) = vm.stack[vm.stack.len() - i as usize].clone() {
                    tri!(crate::methods::set::set_update_value(vm, &s, &v));
                }
            }
            Instr::MapAdd(i) => {
                let v = pop!();
                let k = pop!();
                if let Value::Dict(d) = vm.stack[vm.stack.len() - i as usize].clone() {
                    let key = tri!(protocol::dict_key(vm, &d, &k));
                    d.insert(key, v);
                }
            }
            Instr::DictUpdate(i) => {
                let v = pop!();
                let target = vm.stack[vm.stack.len() - i as usize].clone();
                tri!(dict_update(vm, &target, &v));
            }
            Instr::FormatValue(flags) => {
                let spec = if flags & 4 != 0 { pop!() } else { Value::None };
                let v = pop!();
                let v = match flags & 3 {
                    1 => Value::str(tri!(protocol::str(vm, &v))),
                    2 => Value::str(tri!(protocol::repr(vm, &v))),
                    3 => Value::str(crate::builtins::ascii_of(&tri!(protocol::repr(vm, &v)))),
                    _ => v,
                };
                let spec = spec.as_str().unwrap_or("").to_string();
                let s = match (&v, spec.is_empty()) {
                    (Value::Str(_), true) => v,
                    _ => Value::str(tri!(crate::methods::str::format_value(vm, &v, &spec))),
                };
                vm.stack.push(s);
            }
            Instr::UnpackSequence(n) => {
                let seq = pop!();
                let items = tri!(unpack_items(vm, &seq, n as usize));
                if items.len() != n as usize {
                    fail!(unpack_count_error(n as usize, items.len()));
                }
                vm.stack.extend(items.into_iter().rev());
            }
            Instr::UnpackEx(arg) => {
                let (before, after) = ((arg & 0xff) as usize, (arg >> 8) as usize);
                let seq = pop!();
                let mut items = tri!(protocol::collect(vm, &seq));
                if items.len() < before + after {
                    fail!(value_error(format!(
                        "not enough values to unpack (expected at least {}, got {})",
                        before + after,
                        items.len()
                    )));
                }
                let tail = items.split_off(items.len() - after);
                let middle = items.split_off(before);
                vm.stack.extend(tail.into_iter().rev());
                vm.stack.push(Value::list(middle));
                vm.stack.extend(items.into_iter().rev());
            }
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
                let pos = tri!(star_args(vm, &callee, &args));
                let kw = match kwargs {
                    Some(d) => tri!(star_kwargs(vm, &callee, &d)),
                    None => Vec::new(),
                };
                match tri!(call_value(vm, callee, Args { pos, kw })) {
                    Some(v) => vm.stack.push(v),
                    None => load_frame!(),
                }
            }
            Instr::MakeFunction(flags) => {
                let code_v = pop!();
                let closure = if flags & 8 != 0 { cells_of(&pop!()) } else { Vec::new() };
                let kwdefaults = if flags & 2 != 0 {
                    match pop!() {
                        Value::Dict(d) => {
                            d.items().into_iter().map(|(k, v)| (Arc::from(k.as_str().unwrap_or("")), v)).collect()
                        }
                        _ => Vec::new(),
                    }
                } else {
                    Vec::new()
                };
                let defaults = if flags & 1 != 0 {
                    match pop!() {
                        Value::Tuple(t) => t.items.to_vec(),
                        _ => Vec::new(),
                    }
                } else {
                    Vec::new()
                };
                let Value::Code(fcode) = code_v else { fail!(type_error("MAKE_FUNCTION needs a code object")) };
                let func = Function {
                    name: fcode.co.name.clone(),
                    qualname: fcode.co.qualname.clone(),
                    code: fcode,
                    globals: vm.frames[fi].func.globals.clone(),
                    defaults,
                    kwdefaults,
                    closure,
                    dict: Default::default(),
                };
                vm.stack.push(Value::Function(Arc::new(func)));
            }
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
            Instr::ImportName(i) => {
                let m = tri!(crate::modules::import(vm, code.names[i as usize].as_str()));
                vm.stack.push(m);
            }
            Instr::ImportFrom(i) => {
                let module = top!().clone();
                let name = code.names[i as usize].as_str();
                let v = match crate::attr::get_attr(vm, &module, name) {
                    Ok(v) => v,
                    Err(_) => {
                        let mname = match &module {
                            Value::Module(m) => m.name.to_string(),
                            _ => "?".into(),
                        };
                        fail!(crate::errors::exc(
                            "ImportError",
                            format!("cannot import name '{name}' from '{mname}' (unknown location)")
                        ))
                    }
                };
                vm.stack.push(v);
            }
            Instr::ImportStar => {
                let module = pop!();
                if let Value::Module(m) = module {
                    let globals = vm.frames[fi].func.globals.clone();
                    for (k, v) in m.dict.items() {
                        if let Some(name) = k.as_str() {
                            if !name.starts_with('_') {
                                globals.set_str(name, v);
                            }
                        }
                    }
                }
            }
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
            Instr::CheckExcMatch => {
                let typ = pop!();
                let exc = top!().clone();
                let m = tri!(exception_matches(&exc, &typ));
                vm.stack.push(Value::Bool(m));
            }
            Instr::Reraise => {
                let exc = pop!();
                match exc {
                    Value::Instance(inst) => fail!(PyErr(inst)),
                    _ => fail!(type_error("exceptions must derive from BaseException")),
                }
            }
            Instr::Raise(n) => {
                let err = match n {
                    0 => match vm.exc_stack.last() {
                        Some(Value::Instance(inst)) => PyErr(inst.clone()),
                        _ => crate::errors::runtime_error("No active exception to reraise"),
                    },
                    1 => {
                        let e = pop!();
                        tri!(make_exception(vm, e))
                    }
                    _ => {
                        let cause = pop!();
                        let e = pop!();
                        let err = tri!(make_exception(vm, e));
                        let cause = if cause.is_none() { None } else { Some(tri!(make_exception(vm, cause)).value()) };
                        if let Some(state) = &err.0.exc {
                            let mut st = state.lock();
                            st.cause = cause;
                            st.suppress_context = true;
                        }
                        err
                    }
                };
                vm.explicit_raise = n > 0;
                fail!(err);
            }
            Instr::BeforeWith => {
                let mgr = pop!();
                let cls = protocol::class_of(&mgr);
                let (Some(enter), Some(exit)) = (cls.lookup("__enter__"), cls.lookup("__exit__")) else {
                    let which = if cls.lookup("__enter__").is_none() { "" } else { " (missed __exit__ method)" };
                    fail!(type_error(format!(
                        "'{}' object does not support the context manager protocol{which}",
                        cls.name
                    )))
                };
                let bound_exit =
                    Value::BoundMethod(Arc::new(crate::object::BoundMethod { receiver: mgr.clone(), func: exit }));
                vm.stack.push(bound_exit);
                let r = tri!(vm.call(&enter, Args::new(vec![mgr])));
                vm.stack.push(r);
            }
            Instr::WithExceptStart => {
                let exc = top!().clone();
                let exit = vm.stack[vm.stack.len() - 2].clone();
                let typ = Value::Class(protocol::class_of(&exc));
                let r = tri!(vm.call(&exit, Args::new(vec![typ, exc, Value::None])));
                vm.stack.push(r);
            }
        }
    }
}

/// `inst.name` through the per-name inline cache (an index into the instance dict,
/// validated by key identity); `None` when the name is not in the instance dict.
#[inline]
fn cached_instance_attr(
    inst: &crate::object::Instance,
    name: &crate::value::PyStr,
    slot: &std::sync::atomic::AtomicUsize,
) -> Option<Value> {
    let dict = inst.dict.lock();
    match dict.get_at(slot.load(Ordering::Relaxed), name) {
        Some(v) => Some(v.clone()),
        None => dict.get_full_name(name).map(|(index, v)| {
            slot.store(index, Ordering::Relaxed);
            v.clone()
        }),
    }
}

/// `inst.name = value` through the same cache (for classes without attribute hooks).
#[inline]
fn store_instance_attr(
    inst: &crate::object::Instance,
    name: &Arc<crate::value::PyStr>,
    slot: &std::sync::atomic::AtomicUsize,
    value: Value,
) {
    let mut dict = inst.dict.lock();
    let old = match dict.set_at(slot.load(Ordering::Relaxed), name, value) {
        Ok(old) => Some(old),
        Err(value) => {
            let (index, old) = dict.insert_full(name.clone(), value);
            slot.store(index, Ordering::Relaxed);
            old
        }
    };
    drop(dict);
    // The replaced value is dropped with no lock held.
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
        Add => Some(Value::Float(a + b)),
        Sub => Some(Value::Float(a - b)),
        Mul => Some(Value::Float(a * b)),
        Div if b != 0.0 => Some(Value::Float(a / b)),
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
    let pos = vm.stack.split_off(callee_slot + 1);
    let callee = vm.stack.pop().expect("callee below the arguments");
    call_value(vm, callee, Args::new(pos))
}

/// Calls `callee`: pushes a frame for Python functions (returning `None`), else runs it.
fn call_value(vm: &mut Vm, callee: Value, mut args: Args) -> PyResult<Option<Value>> {
    match &callee {
        Value::Function(f) => {
            vm.push_function_frame(f, args)?;
            Ok(None)
        }
        Value::BoundMethod(m) if matches!(m.func, Value::Function(_)) => {
            args.pos.insert(0, m.receiver.clone());
            let Value::Function(f) = &m.func else { unreachable!("checked by the guard") };
            vm.push_function_frame(f, args)?;
            Ok(None)
        }
        _ => crate::call::call_other(vm, &callee, args).map(Some),
    }
}

fn star_args(vm: &mut Vm, callee: &Value, v: &Value) -> PyResult<Vec<Value>> {
    match v {
        Value::Tuple(t) => Ok(t.items.to_vec()),
        Value::List(l) => Ok(l.snapshot()),
        _ => match protocol::collect(vm, v) {
            Ok(items) => Ok(items),
            Err(e) if e.matches("TypeError") => Err(type_error(format!(
                "{} argument after * must be an iterable, not {}",
                callable_name(callee),
                crate::ops::type_name(v)
            ))),
            Err(e) => Err(e),
        },
    }
}

fn star_kwargs(vm: &mut Vm, callee: &Value, v: &Value) -> PyResult<Vec<(Arc<str>, Value)>> {
    let _ = vm;
    match v {
        Value::Dict(d) => {
            let mut out: Vec<(Arc<str>, Value)> = Vec::new();
            for (k, val) in d.items() {
                match k.as_str() {
                    Some(s) => out.push((Arc::from(s), val)),
                    None => return Err(type_error("keywords must be strings")),
                }
            }
            Ok(out)
        }
        other => Err(type_error(format!(
            "{} argument after ** must be a mapping, not {}",
            callable_name(callee),
            crate::ops::type_name(other)
        ))),
    }
}

fn callable_name(v: &Value) -> String {
    match v {
        Value::Function(f) => format!("{}()", f.qualname),
        Value::Builtin(b) => format!("{}()", b.name),
        Value::Class(c) => format!("{}()", c.name),
        other => crate::ops::type_name(other),
    }
}

fn cells_of(v: &Value) -> Vec<Arc<Cell>> {
    match v {
        Value::Tuple(t) => t
            .items
            .iter()
            .filter_map(|c| match c {
                Value::Cell(c) => Some(c.clone()),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn dict_update(vm: &mut Vm, target: &Value, v: &Value) -> PyResult<()> {
    let Value::Dict(target) = target else {
        return Ok(());
    };
    match v {
        Value::Dict(d) => {
            for (k, val) in d.items() {
                let key = protocol::dict_key(vm, target, &k)?;
                target.insert(key, val);
            }
            Ok(())
        }
        other => Err(type_error(format!("'{}' object is not a mapping", crate::ops::type_name(other)))),
    }
}

fn unpack_items(vm: &mut Vm, seq: &Value, n: usize) -> PyResult<Vec<Value>> {
    match seq {
        Value::Tuple(t) => Ok(t.items.to_vec()),
        Value::List(l) => Ok(l.snapshot()),
        _ => {
            let it = match crate::iter::get_iter(vm, seq) {
                Ok(it) => it,
                Err(e) if e.matches("TypeError") => {
                    return Err(type_error(format!("cannot unpack non-iterable {} object", crate::ops::type_name(seq))))
                }
                Err(e) => return Err(e),
            };
            let mut out = Vec::with_capacity(n);
            while let Some(x) = crate::iter::next(vm, &it)? {
                out.push(x);
                if out.len() > n {
                    break;
                }
            }
            Ok(out)
        }
    }
}

fn unpack_count_error(expected: usize, got: usize) -> PyErr {
    if got > expected {
        value_error(format!("too many values to unpack (expected {expected})"))
    } else {
        value_error(format!("not enough values to unpack (expected {expected}, got {got})"))
    }
}

/// Turns the operand of `raise` into an exception instance.
pub fn make_exception(vm: &mut Vm, v: Value) -> PyResult<PyErr> {
    match &v {
        Value::Instance(inst) if inst.exc.is_some() => Ok(PyErr(inst.clone())),
        Value::Class(c) if c.kind == crate::object::TypeKind::Exception => {
            match crate::call::instantiate(vm, c, Args::default())? {
                Value::Instance(inst) => Ok(PyErr(inst)),
                _ => Err(type_error("exceptions must derive from BaseException")),
            }
        }
        _ => Err(type_error("exceptions must derive from BaseException")),
    }
}

fn exception_matches(exc: &Value, typ: &Value) -> PyResult<bool> {
    let cls = protocol::class_of(exc);
    match typ {
        Value::Class(c) if c.kind == crate::object::TypeKind::Exception => Ok(cls.is_subclass(c)),
        Value::Tuple(t) => {
            for item in t.items.iter() {
                if exception_matches(exc, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(type_error("catching classes that do not inherit from BaseException is not allowed")),
    }
}
