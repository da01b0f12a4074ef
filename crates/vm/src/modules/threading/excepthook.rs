//! `threading.excepthook`: how an exception that ends a thread is reported. Through the
//! hook the program installed (`threading.excepthook = f`), or else the default one
//! (`_thread._excepthook`, also `threading.__excepthook__`), which prints
//! `Exception in thread NAME:` and the traceback. The hook gets an `ExceptHookArgs`.

use std::any::Any;
use std::sync::{Arc, OnceLock};

use crate::errors::{type_error, PyErr, PyResult};
use crate::object::{Args, Class, Instance, NativeObject, TypeKind};
use crate::protocol;
use crate::value::Value;
use crate::vm::Vm;

/// `_thread._excepthook`, the default `threading.excepthook`: one value, so that
/// `threading.excepthook is threading.__excepthook__`.
pub fn default_hook() -> Value {
    static V: OnceLock<Value> = OnceLock::new();
    V.get_or_init(|| crate::builtins::builtin("_excepthook", default_hook_builtin)).clone()
}

/// Reports the exception `err` that ended `thread`, as CPython's `invoke_excepthook`:
/// calls the module's current `excepthook`, and if that raises, prints
/// `Exception in threading.excepthook:` and the hook's own exception.
#[inline(never)]
pub fn report(vm: &mut Vm, thread: &Value, err: PyErr) {
    let exc_type = Value::Class(err.0.class.clone());
    let exc_value = err.value();
    let result = match installed_hook(vm) {
        Some(hook) => {
            let args = new_args([exc_type, exc_value, Value::None, thread.clone()], true);
            vm.call(&hook, Args::new(vec![args])).map(drop)
        }
        None => print_default(vm, &exc_type, &exc_value, thread, true),
    };
    if let Err(hook_err) = result {
        let text = crate::traceback::format_exception_from_library(vm, &hook_err.value());
        crate::io::write_console(vm, true, &format!("Exception in threading.excepthook:\n{text}"));
    }
}

/// `Thread.__init__` refuses to make a thread while `threading.excepthook` is None, as
/// CPython's does.
pub fn check_hook_set(vm: &Vm) -> PyResult<()> {
    match module_hook(vm) {
        Some(Value::None) => Err(crate::errors::runtime_error("threading.excepthook is None")),
        _ => Ok(()),
    }
}

fn module_hook(vm: &Vm) -> Option<Value> {
    let module = vm.interp.modules.lock().get("threading").cloned();
    let Some(Value::Module(module)) = module else { return None };
    module.dict.get_str("excepthook")
}

/// `threading.excepthook` unless it is the default hook (or None: it was set to None
/// after the thread was made, and CPython then uses the default hook too).
fn installed_hook(vm: &Vm) -> Option<Value> {
    match module_hook(vm)? {
        Value::None => None,
        Value::Builtin(b) if std::ptr::fn_addr_eq(b.func, default_hook_builtin as crate::object::BuiltinFn) => None,
        hook => Some(hook),
    }
}

/// `_thread._excepthook(args)`.
fn default_hook_builtin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() != 1 || !args.kw.is_empty() {
        return Err(type_error(format!(
            "_thread._excepthook() takes exactly one argument ({} given)",
            args.pos.len() + args.kw.len()
        )));
    }
    let Some(hook_args) = hook_args(&args.pos[0]) else {
        return Err(type_error("_thread.excepthook argument type must be ExceptHookArgs"));
    };
    let [exc_type, exc_value, _, thread] = &hook_args.fields;
    print_default(vm, exc_type, exc_value, thread, hook_args.from_thread)?;
    Ok(Value::None)
}

/// The default hook's output. SystemExit (exactly) is ignored; `from_thread` says the
/// exception ended a thread, so it passed through threading.py's frames.
fn print_default(vm: &mut Vm, exc_type: &Value, exc_value: &Value, thread: &Value, from_thread: bool) -> PyResult<()> {
    if let Value::Class(cls) = exc_type {
        if Arc::ptr_eq(cls, &crate::types::types().exc("SystemExit")) {
            return Ok(());
        }
    }
    let name = if thread.is_none() {
        crate::modules::thread::ident_value(super::identity(&vm.thread).0)
    } else {
        crate::attr::get_attr(vm, thread, "name")?
    };
    let name = protocol::str(vm, &name)?;
    let text = match exc_value {
        Value::Instance(inst) if inst.exc.is_some() => {
            if from_thread {
                crate::traceback::format_exception_from_library(vm, exc_value)
            } else {
                crate::traceback::format_exception(vm, &PyErr(inst.clone()))
            }
        }
        other => format!(
            "TypeError: print_exception(): Exception expected for value, {} found\n",
            crate::ops::type_name(other)
        ),
    };
    crate::io::write_console(vm, true, &format!("Exception in thread {name}:\n{text}"));
    Ok(())
}

// ----- ExceptHookArgs -----

/// The fields of an `ExceptHookArgs`, kept in its instance's native slot.
#[derive(Clone)]
struct HookArgs {
    /// `exc_type`, `exc_value`, `exc_traceback` (always None: gilvm has no traceback
    /// objects) and `thread`.
    fields: [Value; 4],
    /// Made for an exception that ended a thread (see [`print_default`]).
    from_thread: bool,
}

impl NativeObject for HookArgs {
    fn class(&self) -> Arc<Class> {
        args_class()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

const FIELDS: [&str; 4] = ["exc_type", "exc_value", "exc_traceback", "thread"];

/// `threading.ExceptHookArgs` (`_thread._ExceptHookArgs`): a read-only 4-sequence with
/// named fields, like CPython's struct sequence.
pub fn args_class() -> Arc<Class> {
    static C: OnceLock<Arc<Class>> = OnceLock::new();
    C.get_or_init(|| {
        let cls = crate::types::new_class(
            "_ExceptHookArgs",
            Some(crate::types::types().object.clone()),
            TypeKind::Object,
            "_thread",
        );
        cls.set_attr("__gilvm_new__", crate::builtins::builtin("__gilvm_new__", args_new));
        let methods: [(&'static str, crate::object::BuiltinFn); 5] = [
            ("__init__", args_init),
            ("__repr__", args_repr),
            ("__len__", args_len),
            ("__getitem__", args_getitem),
            ("__iter__", args_iter),
        ];
        for (name, f) in methods {
            crate::methods::add_method(&cls, name, f);
        }
        let getters: [crate::object::BuiltinFn; 4] = [get_exc_type, get_exc_value, get_exc_traceback, get_thread];
        for (name, get) in FIELDS.into_iter().zip(getters) {
            super::thread_class::property(&cls, name, get, None);
        }
        cls
    })
    .clone()
}

fn new_args(fields: [Value; 4], from_thread: bool) -> Value {
    let inst = Instance::new(args_class());
    *inst.native.lock() = Some(Value::native(HookArgs { fields, from_thread }));
    Value::Instance(Arc::new(inst))
}

/// A copy of the fields of an `ExceptHookArgs`.
fn hook_args(v: &Value) -> Option<HookArgs> {
    let Value::Instance(inst) = v else { return None };
    let native = inst.native.lock().clone()?;
    crate::object::downcast::<HookArgs>(&native).cloned()
}

/// `ExceptHookArgs(sequence)`, CPython's `structseq(sequence, dict=None)`.
fn args_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    if !args.pos.is_empty() {
        args.pos.remove(0);
    }
    let mut p = crate::modules::bind_params("structseq", args, &["sequence", "dict"], 1, 2)?.into_iter();
    let sequence = p.next().flatten().expect("required");
    let items = protocol::collect(vm, &sequence).map_err(|_| type_error("constructor requires a sequence"))?;
    let n = items.len();
    let fields: [Value; 4] = items
        .try_into()
        .map_err(|_| type_error(format!("_thread._ExceptHookArgs() takes a 4-sequence ({n}-sequence given)")))?;
    Ok(new_args(fields, false))
}

/// `__gilvm_new__` took the arguments already.
fn args_init(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn this(args: &Args, method: &str) -> PyResult<HookArgs> {
    args.pos
        .first()
        .and_then(hook_args)
        .ok_or_else(|| type_error(format!("descriptor '{method}' requires a '_thread._ExceptHookArgs' object")))
}

fn args_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = this(&args, "__repr__")?;
    let mut parts = Vec::new();
    for (name, value) in FIELDS.iter().zip(&this.fields) {
        parts.push(format!("{name}={}", protocol::repr(vm, value)?));
    }
    Ok(Value::str(format!("_thread._ExceptHookArgs({})", parts.join(", "))))
}

fn args_len(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(&args, "__len__")?;
    Ok(Value::Int(FIELDS.len() as i64))
}

fn as_tuple(this: &HookArgs) -> Value {
    Value::tuple(this.fields.to_vec())
}

fn args_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = this(&args, "__getitem__")?;
    let key = args.pos.get(1).cloned().unwrap_or(Value::None);
    protocol::getitem(vm, &as_tuple(&this), &key)
}

fn args_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = this(&args, "__iter__")?;
    crate::iter::get_iter(vm, &as_tuple(&this))
}

fn field(args: &Args, index: usize) -> PyResult<Value> {
    Ok(this(args, FIELDS[index])?.fields[index].clone())
}

fn get_exc_type(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    field(&args, 0)
}

fn get_exc_value(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    field(&args, 1)
}

fn get_exc_traceback(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    field(&args, 2)
}

fn get_thread(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    field(&args, 3)
}
