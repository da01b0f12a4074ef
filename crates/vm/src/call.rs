//! Calling: argument binding for Python functions, calls to everything else (builtins,
//! bound methods, classes, callable instances), and class creation.

use std::sync::Arc;

use crate::dict::Dict;
use crate::errors::{type_error, PyResult};
use crate::object::{Args, AttrMap, Class, Function, Instance, TypeKind};
use crate::types::types;
use crate::value::Value;
use crate::vm::Vm;

/// Binds `args` to `func`'s parameters, pushing one value per parameter onto the stack.
pub fn bind_args(vm: &mut Vm, func: &Function, args: Args) -> PyResult<()> {
    let co = &func.code.co;
    let argc = co.argcount as usize;
    let nkwonly = co.kwonlyargcount as usize;
    let vararg_slot = co.has_varargs.then_some(argc);
    let kwonly_start = argc + co.has_varargs as usize;
    let kwarg_slot = co.has_varkeywords.then_some(kwonly_start + nkwonly);
    let total = co.total_params();
    let mut slots: Vec<Value> = vec![Value::Unbound; total];
    let npos = args.pos.len();
    let mut pos = args.pos.into_iter();
    for slot in slots.iter_mut().take(argc.min(npos)) {
        *slot = pos.next().unwrap_or(Value::None);
    }
    if npos > argc {
        match vararg_slot {
            Some(i) => slots[i] = Value::tuple(pos.collect()),
            None => {
                let ndefaults = func.defaults.len();
                let takes = if ndefaults > 0 {
                    format!("from {} to {} positional arguments", argc - ndefaults, argc)
                } else {
                    format!("{} positional argument{}", argc, if argc == 1 { "" } else { "s" })
                };
                let kwgiven = args.kw.len();
                let given = if kwgiven > 0 {
                    format!(
                        "{npos} positional argument{} (and {kwgiven} keyword-only argument{}) were given",
                        if npos == 1 { "" } else { "s" },
                        if kwgiven == 1 { "" } else { "s" }
                    )
                } else {
                    format!("{npos} {} given", if npos == 1 { "was" } else { "were" })
                };
                return Err(type_error(format!("{}() takes {takes} but {given}", func.qualname)));
            }
        }
    } else if let Some(i) = vararg_slot {
        slots[i] = Value::tuple(Vec::new());
    }
    let kwdict = kwarg_slot.map(|_| Arc::new(Dict::new()));
    for (name, value) in args.kw {
        let found = co.varnames[..argc].iter().position(|v| **v == *name).or_else(|| {
            co.varnames[kwonly_start..kwonly_start + nkwonly]
                .iter()
                .position(|v| **v == *name)
                .map(|i| i + kwonly_start)
        });
        match found {
            Some(i) => {
                if !matches!(slots[i], Value::Unbound) {
                    return Err(type_error(format!("{}() got multiple values for argument '{}'", func.qualname, name)));
                }
                slots[i] = value;
            }
            None => match &kwdict {
                Some(d) => d.set_str(&name, value),
                None => {
                    return Err(type_error(format!(
                        "{}() got an unexpected keyword argument '{}'",
                        func.qualname, name
                    )))
                }
            },
        }
    }
    if let (Some(i), Some(d)) = (kwarg_slot, kwdict) {
        slots[i] = Value::Dict(d);
    }
    // Defaults fill the last positional parameters.
    let first_default = argc - func.defaults.len().min(argc);
    let mut missing = Vec::new();
    for i in 0..argc {
        if matches!(slots[i], Value::Unbound) {
            if i >= first_default {
                slots[i] = func.defaults[i - first_default].clone();
            } else {
                missing.push(co.varnames[i].to_string());
            }
        }
    }
    if !missing.is_empty() {
        return Err(missing_error(&func.qualname, "positional", &missing));
    }
    for i in kwonly_start..kwonly_start + nkwonly {
        if matches!(slots[i], Value::Unbound) {
            let name = &co.varnames[i];
            match func.kwdefaults.iter().find(|(k, _)| k == name) {
                Some((_, v)) => slots[i] = v.clone(),
                None => missing.push(name.to_string()),
            }
        }
    }
    if !missing.is_empty() {
        return Err(missing_error(&func.qualname, "keyword-only", &missing));
    }
    vm.stack.extend(slots);
    Ok(())
}

fn missing_error(qualname: &str, kind: &str, names: &[String]) -> crate::errors::PyErr {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        _ => format!("{}, and {}", quoted[..quoted.len() - 1].join(", "), quoted[quoted.len() - 1]),
    };
    type_error(format!(
        "{qualname}() missing {} required {kind} argument{}: {list}",
        names.len(),
        if names.len() == 1 { "" } else { "s" }
    ))
}

/// Calls anything that is not a plain Python function.
pub fn call_other(vm: &mut Vm, callee: &Value, mut args: Args) -> PyResult<Value> {
    match callee {
        Value::Function(_) => vm.call(callee, args),
        Value::Builtin(b) => {
            let result = (b.func)(vm, args);
            // A blocking builtin cut short by Ctrl-C raises KeyboardInterrupt right here.
            if gilvm_sched::interrupt::pending() {
                vm.check_interrupt()?;
            }
            result
        }
        Value::BoundMethod(m) => {
            args.prepend(m.receiver.clone());
            vm.call(&m.func, args)
        }
        Value::Class(cls) => instantiate(vm, cls, args),
        Value::Instance(inst) => match inst.class.lookup("__call__") {
            Some(f) => {
                args.prepend(callee.clone());
                vm.call(&f, args)
            }
            None => Err(not_callable(callee)),
        },
        Value::Native(_) => {
            // A staticmethod object is callable (Python 3.10+): in a class body, a
            // helper decorated with @staticmethod can be called before the class exists.
            let inner =
                crate::object::downcast::<crate::object::DescriptorObj>(callee).and_then(|d| match &*d.desc.read() {
                    crate::object::Descriptor::Static(f) => Some(f.clone()),
                    _ => None,
                });
            match inner {
                Some(f) => vm.call(&f, args),
                None => Err(not_callable(callee)),
            }
        }
        _ => Err(not_callable(callee)),
    }
}

pub fn not_callable(v: &Value) -> crate::errors::PyErr {
    type_error(format!("'{}' object is not callable", crate::ops::type_name(v)))
}

/// `cls(*args)`: creates an instance and runs `__init__`.
pub fn instantiate(vm: &mut Vm, cls: &Arc<Class>, args: Args) -> PyResult<Value> {
    match cls.kind {
        TypeKind::Object | TypeKind::Exception => {}
        _ => return crate::builtins::construct(vm, cls, args),
    }
    if let Some(native_new) = cls.lookup("__gilvm_new__") {
        // Subclassable native types (threading's) build their own instances.
        let mut a = Args::new(vec![Value::Class(cls.clone())]);
        a.pos.extend(args.pos.iter().cloned());
        a.kw = args.kw.clone();
        let inst = vm.call(&native_new, a)?;
        run_init(vm, cls, &inst, args)?;
        return Ok(inst);
    }
    if let Some(new) = user_new(cls) {
        return instantiate_with_new(vm, cls, new, args);
    }
    let inst = Arc::new(Instance::new(cls.clone()));
    if cls.kind == TypeKind::Exception {
        inst.set_attr("args", Value::tuple(args.pos.clone()));
    }
    let value = Value::Instance(inst);
    run_init(vm, cls, &value, args)?;
    Ok(value)
}

/// `object.__new__`, the builtin stored in `object`'s dict (one shared value, so that
/// [`user_new`] can tell it apart from a class's own `__new__`).
pub fn object_new_builtin() -> Value {
    static B: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    B.get_or_init(|| crate::builtins::builtin("__new__", object_new)).clone()
}

/// The `__new__` a user class defines (or inherits from a user class), unwrapped from
/// its implicit `staticmethod`; `None` when only `object.__new__` applies.
fn user_new(cls: &Arc<Class>) -> Option<Value> {
    let new = cls.lookup("__new__")?;
    if let (Value::Builtin(a), Value::Builtin(b)) = (&new, &object_new_builtin()) {
        if Arc::ptr_eq(a, b) {
            return None;
        }
    }
    match crate::object::downcast::<crate::object::DescriptorObj>(&new) {
        Some(d) => match &*d.desc.read() {
            crate::object::Descriptor::Static(f) => Some(f.clone()),
            _ => Some(new.clone()),
        },
        None => Some(new),
    }
}

/// `cls(*args)` for a class with its own `__new__`: as CPython's `type.__call__`, calls
/// `__new__(cls, *args)`, then `__init__` only if the result is an instance of `cls`.
fn instantiate_with_new(vm: &mut Vm, cls: &Arc<Class>, new: Value, args: Args) -> PyResult<Value> {
    let mut new_args = Args::new(Vec::with_capacity(args.pos.len() + 1));
    new_args.pos.push(Value::Class(cls.clone()));
    new_args.pos.extend(args.pos.iter().cloned());
    new_args.kw = args.kw.clone();
    let obj = vm.call(&new, new_args)?;
    if let Value::Instance(inst) = &obj {
        if inst.class.is_subclass(cls) {
            let obj_cls = inst.class.clone();
            run_init(vm, &obj_cls, &obj, args)?;
        }
    }
    Ok(obj)
}

/// Whether `v` is `object.__init__` itself.
pub fn is_object_init(v: &Value) -> bool {
    match (v, types().object.dict.read().get("__init__")) {
        (Value::Builtin(a), Some(Value::Builtin(b))) => Arc::ptr_eq(a, b),
        _ => false,
    }
}

/// `object.__init__(self, *args)`: does nothing, but rejects surplus arguments as
/// CPython does: when the class overrides `__init__` (a stray `super().__init__(x)`),
/// or when it overrides neither `__init__` nor `__new__` (`A(1)` for an empty class).
pub fn object_init(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(this) = args.pos.first() else {
        return Err(type_error("descriptor '__init__' of 'object' object needs an argument"));
    };
    if args.pos.len() > 1 || !args.kw.is_empty() {
        let cls = crate::protocol::class_of(this);
        if !cls.lookup("__init__").is_some_and(|i| is_object_init(&i)) {
            return Err(type_error("object.__init__() takes exactly one argument (the instance to initialize)"));
        }
        if user_new(&cls).is_none() {
            return Err(type_error(format!(
                "{}.__init__() takes exactly one argument (the instance to initialize)",
                cls.name
            )));
        }
    }
    Ok(Value::None)
}

/// `object.__new__(cls, *args)`: a new, empty instance of `cls`, with CPython's checks
/// for surplus arguments.
fn object_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = match args.pos.first() {
        None => return Err(type_error("object.__new__(): not enough arguments")),
        Some(Value::Class(c)) => c.clone(),
        Some(other) => {
            let t = crate::ops::type_name(other);
            return Err(type_error(format!("object.__new__(X): X is not a type object ({t})")));
        }
    };
    if !matches!(cls.kind, TypeKind::Object | TypeKind::Exception) {
        return Err(type_error(format!("object.__new__({0}) is not safe, use {0}.__new__()", cls.name)));
    }
    let rest = args.pos[1..].to_vec();
    if cls.kind == TypeKind::Exception {
        // BaseException.__new__ keeps the arguments as `args`.
        let inst = Instance::new(cls.clone());
        inst.set_attr("args", Value::tuple(rest));
        return Ok(Value::Instance(Arc::new(inst)));
    }
    if !rest.is_empty() || !args.kw.is_empty() {
        if user_new(&cls).is_some() {
            return Err(type_error("object.__new__() takes exactly one argument (the type to instantiate)"));
        }
        if cls.lookup("__init__").is_none_or(|i| is_object_init(&i)) {
            return Err(type_error(format!("{}() takes no arguments", cls.name)));
        }
    }
    if let Some(native_new) = cls.lookup("__gilvm_new__") {
        let mut a = Args::new(vec![Value::Class(cls.clone())]);
        a.pos.extend(rest);
        a.kw = args.kw;
        return vm.call(&native_new, a);
    }
    Ok(Value::Instance(Arc::new(Instance::new(cls))))
}

fn run_init(vm: &mut Vm, cls: &Arc<Class>, inst: &Value, mut args: Args) -> PyResult<()> {
    match cls.lookup("__init__") {
        // Only `object.__init__`: surplus arguments are an error unless `__new__` takes
        // them (CPython reports it from `object.__new__`).
        Some(init) if is_object_init(&init) => {
            if (!args.pos.is_empty() || !args.kw.is_empty()) && user_new(cls).is_none() {
                return Err(type_error(format!("{}() takes no arguments", cls.name)));
            }
        }
        Some(init) => {
            args.prepend(inst.clone());
            let r = vm.call(&init, args)?;
            if !r.is_none() {
                return Err(type_error(format!("__init__() should return None, not '{}'", crate::ops::type_name(&r))));
            }
        }
        None => {
            if cls.kind != TypeKind::Exception && (!args.pos.is_empty() || !args.kw.is_empty()) {
                return Err(type_error(format!("{}() takes no arguments", cls.name)));
            }
        }
    }
    Ok(())
}

/// `__build_class__(body, name, *bases)`: runs the class body and makes the class.
pub fn build_class(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    if args.pos.len() < 2 {
        return Err(type_error("__build_class__: not enough arguments"));
    }
    let bases: Vec<Value> = args.pos.split_off(2);
    let name = args.pos.pop().and_then(|n| n.as_str().map(|s| s.to_string())).unwrap_or_default();
    let body = args.pos.pop().unwrap_or(Value::None);
    if let Some((k, _)) = args.kw.first() {
        return Err(type_error(format!("gilvm does not support class keyword argument '{k}'")));
    }
    let base = match bases.len() {
        0 => types().object.clone(),
        1 => match &bases[0] {
            Value::Class(c) => c.clone(),
            other => return Err(type_error(format!("bases must be types, not '{}'", crate::ops::type_name(other)))),
        },
        _ => {
            let real: Vec<&Value> =
                bases.iter().filter(|b| !matches!(b, Value::Class(c) if Arc::ptr_eq(c, &types().object))).collect();
            if real.len() > 1 {
                return Err(type_error("gilvm supports single inheritance only"));
            }
            match real.first() {
                Some(Value::Class(c)) => c.clone(),
                _ => types().object.clone(),
            }
        }
    };
    if !base.subclassable {
        return Err(type_error(format!("gilvm does not support subclassing '{}'", base.name)));
    }
    let Value::Function(body) = body else {
        return Err(type_error("__build_class__: func must be a function"));
    };
    let ns = Arc::new(Dict::new());
    vm.push_function_frame(&body, Args::default())?;
    vm.frames.last_mut().expect("just pushed").ns = Some(ns.clone());
    let depth = vm.frames.len();
    let cell = vm.run_frames(depth)?;
    let mut dict = AttrMap::default();
    let mut qualname: Arc<str> = Arc::from(name.as_str());
    let mut module: Arc<str> = Arc::from("__main__");
    for (k, v) in ns.items() {
        if let Value::Str(s) = &k {
            match s.as_str() {
                "__qualname__" => {
                    if let Some(q) = v.as_str() {
                        qualname = Arc::from(q);
                    }
                    continue;
                }
                "__module__" => {
                    if let Some(m) = v.as_str() {
                        module = Arc::from(m);
                    }
                }
                _ => {}
            }
            dict.insert(crate::value::intern(s.as_str()), v);
        }
    }
    let hooks = base.has_hooks() || dict.iter().any(|(k, v)| crate::object::is_hook(k, v));
    let cls = Arc::new(Class {
        hooks: std::sync::atomic::AtomicBool::new(hooks),
        name: Arc::from(name.as_str()),
        qualname,
        module,
        kind: base.kind,
        subclassable: true,
        base: Some(base),
        dict: crate::sync::RwLock::new(dict),
    });
    if let Value::Cell(c) = cell {
        *c.value.lock() = Value::Class(cls.clone());
    }
    Ok(Value::Class(cls))
}
