//! The `__future__` module: the feature records that `from __future__ import x` names.
//! The compiler does the work (`annotations` stops annotations from being evaluated;
//! the Python 2 features are always on in Python 3).

use std::any::Any;
use std::sync::{Arc, OnceLock};

use crate::object::{Args, Class, NativeObject, TypeKind};
use crate::value::Value;

/// A release as `sys.version_info` would give it.
type Release = (u8, u8, u8, &'static str, u8);

/// `_Feature(optional, mandatory, compiler_flag)`, as CPython 3.11 lists them.
const FEATURES: [(&str, Release, Option<Release>, u32); 10] = [
    ("nested_scopes", (2, 1, 0, "beta", 1), Some((2, 2, 0, "alpha", 0)), 0x0010),
    ("generators", (2, 2, 0, "alpha", 1), Some((2, 3, 0, "final", 0)), 0),
    ("division", (2, 2, 0, "alpha", 2), Some((3, 0, 0, "alpha", 0)), 0x20000),
    ("absolute_import", (2, 5, 0, "alpha", 1), Some((3, 0, 0, "alpha", 0)), 0x40000),
    ("with_statement", (2, 5, 0, "alpha", 1), Some((2, 6, 0, "alpha", 0)), 0x80000),
    ("print_function", (2, 6, 0, "alpha", 2), Some((3, 0, 0, "alpha", 0)), 0x100000),
    ("unicode_literals", (2, 6, 0, "alpha", 2), Some((3, 0, 0, "alpha", 0)), 0x200000),
    ("barry_as_FLUFL", (3, 1, 0, "alpha", 2), Some((4, 0, 0, "alpha", 0)), 0x400000),
    ("generator_stop", (3, 5, 0, "beta", 1), Some((3, 7, 0, "alpha", 0)), 0x800000),
    ("annotations", (3, 7, 0, "beta", 1), None, 0x1000000),
];

struct Feature {
    optional: Release,
    mandatory: Option<Release>,
    flag: u32,
}

fn release_repr(r: &Release) -> String {
    format!("({}, {}, {}, '{}', {})", r.0, r.1, r.2, r.3, r.4)
}

fn release_value(r: &Option<Release>) -> Value {
    match r {
        None => Value::None,
        Some(r) => Value::tuple(vec![
            Value::Int(r.0.into()),
            Value::Int(r.1.into()),
            Value::Int(r.2.into()),
            Value::str(r.3),
            Value::Int(r.4.into()),
        ]),
    }
}

impl NativeObject for Feature {
    fn class(&self) -> Arc<Class> {
        feature_class()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self) -> Option<String> {
        let mandatory = self.mandatory.as_ref().map_or_else(|| "None".to_string(), release_repr);
        Some(format!("_Feature({}, {}, {})", release_repr(&self.optional), mandatory, self.flag))
    }
}

fn feature_class() -> Arc<Class> {
    static C: OnceLock<Arc<Class>> = OnceLock::new();
    C.get_or_init(|| {
        let cls = crate::types::new_class(
            "_Feature",
            Some(crate::types::types().object.clone()),
            TypeKind::Native,
            "__future__",
        );
        crate::methods::add_method(&cls, "getOptionalRelease", |_, args| {
            Ok(this(&args).map_or(Value::None, |f| release_value(&Some(f.optional))))
        });
        crate::methods::add_method(&cls, "getMandatoryRelease", |_, args| {
            Ok(this(&args).map_or(Value::None, |f| release_value(&f.mandatory)))
        });
        cls
    })
    .clone()
}

fn this(args: &Args) -> Option<&Feature> {
    args.pos.first().and_then(crate::object::downcast::<Feature>)
}

pub fn create() -> Value {
    let (m, dict) = crate::modules::new_module("__future__", &[]);
    let mut names = Vec::new();
    for (name, optional, mandatory, flag) in FEATURES {
        dict.set_str(name, Value::native(Feature { optional, mandatory, flag }));
        names.push(Value::str(name));
    }
    dict.set_str("all_feature_names", Value::list(names));
    m
}
