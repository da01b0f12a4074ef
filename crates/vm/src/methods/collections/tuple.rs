//! Methods of `tuple` and the `tuple()` constructor.

use std::sync::Arc;

use crate::errors::{type_error, value_error, PyResult};
use crate::methods::{add_method, receiver, wrong_receiver};
use crate::object::{Args, Class};
use crate::protocol::{self, eq};
use crate::value::{Tuple, Value};
use crate::vm::Vm;

use super::search_bounds;

pub(super) fn register(cls: &Class) {
    add_method(cls, "index", tuple_index);
    add_method(cls, "count", tuple_count);
    add_method(cls, "__len__", tuple_len);
    add_method(cls, "__getitem__", tuple_getitem);
    add_method(cls, "__contains__", tuple_contains);
    add_method(cls, "__iter__", tuple_iter);
}

fn this(args: &mut Args, name: &str, min: usize, max: usize) -> PyResult<Arc<Tuple>> {
    match receiver(args, "tuple", name, min, max)? {
        Value::Tuple(t) => Ok(t),
        other => Err(wrong_receiver("tuple", name, &other)),
    }
}

fn tuple_index(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let n = args.pos.len().saturating_sub(1);
    if !args.pos.is_empty() && args.kw.is_empty() && !(1..=3).contains(&n) {
        return Err(type_error(if n == 0 {
            "index expected at least 1 argument, got 0".to_string()
        } else {
            format!("index expected at most 3 arguments, got {n}")
        }));
    }
    let t = this(&mut args, "index", 1, 3)?;
    let x = args.pos[0].clone();
    let (start, stop) = search_bounds(vm, &args.pos[1..], t.items.len())?;
    let stop = stop.min(t.items.len());
    for i in start..stop {
        let item = &t.items[i];
        if item.is(&x) || eq(vm, item, &x)? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(value_error("tuple.index(x): x not in tuple"))
}

fn tuple_count(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let t = this(&mut args, "count", 1, 1)?;
    let x = &args.pos[0];
    let mut n = 0;
    for item in t.items.iter() {
        if item.is(x) || eq(vm, item, x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn tuple_len(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let t = this(&mut args, "__len__", 0, 0)?;
    Ok(Value::Int(t.items.len() as i64))
}

fn tuple_getitem(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let t = this(&mut args, "__getitem__", 1, 1)?;
    protocol::getitem(vm, &Value::Tuple(t), &args.pos[0])
}

fn tuple_contains(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let t = this(&mut args, "__contains__", 1, 1)?;
    Ok(Value::bool(protocol::contains(vm, &Value::Tuple(t), &args.pos[0])?))
}

fn tuple_iter(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let t = this(&mut args, "__iter__", 0, 0)?;
    crate::iter::get_iter(vm, &Value::Tuple(t))
}

/// `tuple()` and `tuple(iterable)`; a tuple argument is returned as is.
pub fn tuple_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(type_error("tuple() takes no keyword arguments"));
    }
    match args.pos.len() {
        0 => Ok(Value::tuple(Vec::new())),
        1 => match &args.pos[0] {
            Value::Tuple(_) => Ok(args.pos[0].clone()),
            other => Ok(Value::tuple(protocol::collect(vm, other)?)),
        },
        n => Err(type_error(format!("tuple expected at most 1 argument, got {n}"))),
    }
}
