//! Python exceptions as Rust errors: [`PyErr`] and constructors that use CPython's wording.

use std::sync::Arc;

use crate::object::Instance;
use crate::types::types;
use crate::value::Value;

/// A raised Python exception (always an instance of a BaseException subclass).
#[derive(Clone)]
pub struct PyErr(pub Arc<Instance>);

pub type PyResult<T> = Result<T, PyErr>;

impl PyErr {
    pub fn value(&self) -> Value {
        Value::Instance(self.0.clone())
    }

    pub fn class_name(&self) -> &str {
        &self.0.class.name
    }

    /// Whether the exception is an instance of the built-in class `name` (or a subclass).
    pub fn matches(&self, name: &str) -> bool {
        self.0.class.is_subclass(&types().exc(name))
    }
}

impl std::fmt::Debug for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PyErr({})", self.0.class.name)
    }
}

/// A new exception of built-in class `name` with the given args.
pub fn new_exception(name: &str, args: Vec<Value>) -> PyErr {
    let inst = Instance::new(types().exc(name));
    inst.set_attr("args", Value::tuple(args));
    PyErr(Arc::new(inst))
}

/// A new exception of class `cls` (a module's own exception class) with these args.
pub fn new_exception_of(cls: &Arc<crate::object::Class>, args: Vec<Value>) -> PyErr {
    let inst = Instance::new(cls.clone());
    inst.set_attr("args", Value::tuple(args));
    PyErr(Arc::new(inst))
}

/// A new exception of built-in class `name` with one message argument.
pub fn exc(name: &str, msg: impl Into<String>) -> PyErr {
    new_exception(name, vec![Value::str(Into::<String>::into(msg))])
}

/// MemoryError with no message, as CPython's allocator raises it.
pub fn memory_error() -> PyErr {
    new_exception("MemoryError", Vec::new())
}

pub fn type_error(msg: impl Into<String>) -> PyErr {
    exc("TypeError", msg)
}

pub fn value_error(msg: impl Into<String>) -> PyErr {
    exc("ValueError", msg)
}

pub fn index_error(msg: impl Into<String>) -> PyErr {
    exc("IndexError", msg)
}

pub fn key_error(key: Value) -> PyErr {
    new_exception("KeyError", vec![key])
}

pub fn name_error(name: &str) -> PyErr {
    let e = exc("NameError", format!("name '{name}' is not defined"));
    e.0.set_attr("name", Value::str(name));
    e
}

pub fn attribute_error(msg: impl Into<String>) -> PyErr {
    exc("AttributeError", msg)
}

pub fn zero_division(msg: impl Into<String>) -> PyErr {
    exc("ZeroDivisionError", msg)
}

pub fn overflow_error(msg: impl Into<String>) -> PyErr {
    exc("OverflowError", msg)
}

pub fn runtime_error(msg: impl Into<String>) -> PyErr {
    exc("RuntimeError", msg)
}

pub fn recursion_error() -> PyErr {
    exc("RecursionError", "maximum recursion depth exceeded")
}

pub fn stop_iteration() -> PyErr {
    new_exception("StopIteration", vec![])
}

pub fn not_implemented_error(msg: impl Into<String>) -> PyErr {
    exc("NotImplementedError", msg)
}

pub fn unbound_local(name: &str) -> PyErr {
    exc("UnboundLocalError", format!("cannot access local variable '{name}' where it is not associated with a value"))
}

pub fn unbound_free(name: &str) -> PyErr {
    exc(
        "NameError",
        format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
    )
}

pub fn module_not_found(name: &str) -> PyErr {
    let e = exc("ModuleNotFoundError", format!("No module named '{name}'"));
    e.0.set_attr("name", Value::str(name));
    e
}

/// An OSError subclass chosen from the errno, as CPython does.
pub fn os_error(err: &std::io::Error, filename: Option<&str>) -> PyErr {
    let errno = err.raw_os_error().unwrap_or(0);
    let class = match err.kind() {
        std::io::ErrorKind::NotFound => "FileNotFoundError",
        std::io::ErrorKind::PermissionDenied => "PermissionError",
        std::io::ErrorKind::AlreadyExists => "FileExistsError",
        _ => match errno {
            21 => "IsADirectoryError",
            20 => "NotADirectoryError",
            _ => "OSError",
        },
    };
    let strerror = strerror(errno, err);
    let mut args = vec![Value::Int(errno as i64), Value::str(strerror.clone())];
    if let Some(f) = filename {
        args.push(Value::Int(0));
        args.push(Value::str(f));
    }
    let e = new_exception(class, args[..2].to_vec());
    e.0.set_attr("errno", Value::Int(errno as i64));
    e.0.set_attr("strerror", Value::str(strerror));
    e.0.set_attr("filename", filename.map(Value::str).unwrap_or(Value::None));
    e
}

/// The C library's message for an errno, without Rust's " (os error N)" suffix.
pub fn strerror(errno: i32, err: &std::io::Error) -> String {
    let s = err.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => {
            if errno == 0 {
                s
            } else {
                s
            }
        }
    }
}

/// The "X() takes N positional arguments but M were given" family.
pub fn arg_count_error(name: &str, min: usize, max: usize, given: usize) -> PyErr {
    let msg = if min == max {
        match min {
            0 => format!("{name}() takes no arguments ({given} given)"),
            1 => format!("{name}() takes exactly one argument ({given} given)"),
            _ => format!("{name} expected {min} arguments, got {given}"),
        }
    } else if given < min {
        format!("{name} expected at least {min} argument{}, got {given}", if min == 1 { "" } else { "s" })
    } else {
        format!("{name} expected at most {max} argument{}, got {given}", if max == 1 { "" } else { "s" })
    };
    type_error(msg)
}
