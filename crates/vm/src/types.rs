//! The built-in classes (`int`, `str`, ..., the exception hierarchy), created once per
//! process and shared by every thread.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use crate::sync::RwLock;

use crate::object::{AttrMap, Class, TypeKind};

pub struct Types {
    pub object: Arc<Class>,
    pub type_: Arc<Class>,
    pub none: Arc<Class>,
    pub bool: Arc<Class>,
    pub int: Arc<Class>,
    pub float: Arc<Class>,
    pub str: Arc<Class>,
    pub list: Arc<Class>,
    pub tuple: Arc<Class>,
    pub dict: Arc<Class>,
    pub set: Arc<Class>,
    pub frozenset: Arc<Class>,
    pub range: Arc<Class>,
    pub slice: Arc<Class>,
    pub function: Arc<Class>,
    pub builtin_function: Arc<Class>,
    pub method: Arc<Class>,
    pub module: Arc<Class>,
    pub iterator: Arc<Class>,
    pub cell: Arc<Class>,
    pub code: Arc<Class>,
    pub ellipsis: Arc<Class>,
    pub not_implemented: Arc<Class>,
    pub property: Arc<Class>,
    pub staticmethod: Arc<Class>,
    pub classmethod: Arc<Class>,
    pub super_: Arc<Class>,
    pub base_exception: Arc<Class>,
    /// Every exception class by name.
    pub exceptions: HashMap<&'static str, Arc<Class>>,
    /// Exception class names in definition order (for the builtins module).
    pub exception_names: Vec<&'static str>,
}

/// The exception hierarchy of CPython 3.11 (the part gilvm raises or users catch).
const EXCEPTIONS: &[(&str, &str)] = &[
    ("Exception", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("SystemExit", "BaseException"),
    ("ArithmeticError", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("FileExistsError", "OSError"),
    ("FileNotFoundError", "OSError"),
    ("InterruptedError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("PermissionError", "OSError"),
    ("TimeoutError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("StopIteration", "Exception"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("Warning", "Exception"),
    ("UserWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
];

pub fn new_class(name: &str, base: Option<Arc<Class>>, kind: TypeKind, module: &str) -> Arc<Class> {
    // A subclass of a class with properties (threading.Timer of Thread) has them too.
    let hooks = base.as_ref().is_some_and(|b| b.has_hooks());
    Arc::new(Class {
        hooks: std::sync::atomic::AtomicBool::new(hooks),
        name: Arc::from(name),
        qualname: Arc::from(name),
        module: Arc::from(module),
        base,
        dict: RwLock::new(AttrMap::default()),
        kind,
        subclassable: matches!(kind, TypeKind::Object | TypeKind::Exception),
    })
}

static TYPES: OnceLock<Types> = OnceLock::new();

/// The process-wide built-in types.
pub fn types() -> &'static Types {
    TYPES.get_or_init(build)
}

fn build() -> Types {
    let object = new_class("object", None, TypeKind::Object, "builtins");
    object.dict.write().insert(crate::value::intern("__new__"), crate::call::object_new_builtin());
    let mk = |name: &str, kind: TypeKind| new_class(name, Some(object.clone()), kind, "builtins");
    let int = mk("int", TypeKind::Int);
    let base_exception = mk("BaseException", TypeKind::Exception);
    let mut exceptions = HashMap::new();
    let mut exception_names = vec!["BaseException"];
    exceptions.insert("BaseException", base_exception.clone());
    for (name, parent) in EXCEPTIONS {
        let base = exceptions[parent].clone();
        exceptions.insert(*name, new_class(name, Some(base), TypeKind::Exception, "builtins"));
        exception_names.push(*name);
    }
    Types {
        type_: mk("type", TypeKind::Type),
        none: mk("NoneType", TypeKind::NoneType),
        bool: new_class("bool", Some(int.clone()), TypeKind::Bool, "builtins"),
        int,
        float: mk("float", TypeKind::Float),
        str: mk("str", TypeKind::Str),
        list: mk("list", TypeKind::List),
        tuple: mk("tuple", TypeKind::Tuple),
        dict: mk("dict", TypeKind::Dict),
        set: mk("set", TypeKind::Set),
        frozenset: mk("frozenset", TypeKind::FrozenSet),
        range: mk("range", TypeKind::Range),
        slice: mk("slice", TypeKind::Slice),
        function: mk("function", TypeKind::Function),
        builtin_function: mk("builtin_function_or_method", TypeKind::BuiltinFunction),
        method: mk("method", TypeKind::Method),
        module: mk("module", TypeKind::Module),
        iterator: mk("iterator", TypeKind::Iterator),
        cell: mk("cell", TypeKind::Cell),
        code: mk("code", TypeKind::Code),
        ellipsis: mk("ellipsis", TypeKind::Ellipsis),
        not_implemented: mk("NotImplementedType", TypeKind::NotImplemented),
        property: mk("property", TypeKind::Descriptor),
        staticmethod: mk("staticmethod", TypeKind::Descriptor),
        classmethod: mk("classmethod", TypeKind::Descriptor),
        super_: mk("super", TypeKind::Super),
        object,
        base_exception,
        exceptions,
        exception_names,
    }
}

impl Types {
    /// The exception class called `name`; panics only on a typo in gilvm itself.
    pub fn exc(&self, name: &str) -> Arc<Class> {
        match self.exceptions.get(name) {
            Some(c) => c.clone(),
            None => panic!("gilvm bug: unknown exception class {name}"),
        }
    }
}
