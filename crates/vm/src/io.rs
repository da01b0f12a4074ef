//! Console and file I/O: buffered stdout, `print`, `input`, `open` and text files, and the
//! `sys.stdout` / `sys.stderr` stream objects.
//!
//! Stdout is block-buffered (line-buffered on a terminal, unbuffered with `-u`) and is
//! flushed before anything is written to stderr, so output interleaves as in CPython.

use std::any::Any;
use std::fs::File;
use std::io::{BufRead, IsTerminal, Read, Write};
use std::sync::Arc;

use parking_lot::Mutex;

use crate::errors::{os_error, type_error, value_error, PyResult};
use crate::object::{Args, Class, NativeObject, TypeKind};
use crate::ops::type_name;
use crate::protocol;
use crate::value::Value;
use crate::vm::Vm;

const BUFFER_LIMIT: usize = 8192;

pub struct Io {
    stdout: Mutex<Vec<u8>>,
    /// Flush after every write (`-u`).
    unbuffered: bool,
    /// Flush at each newline (stdout is a terminal).
    line_buffered: bool,
}

impl Io {
    pub fn new(unbuffered: bool) -> Io {
        Io { stdout: Mutex::new(Vec::new()), unbuffered, line_buffered: std::io::stdout().is_terminal() }
    }

    pub fn write_stdout(&self, s: &str) {
        let mut buf = self.stdout.lock();
        buf.extend_from_slice(s.as_bytes());
        if self.unbuffered || buf.len() >= BUFFER_LIMIT || (self.line_buffered && s.contains('\n')) {
            Self::flush_buf(&mut buf);
        }
    }

    pub fn flush_stdout(&self) {
        Self::flush_buf(&mut self.stdout.lock());
    }

    fn flush_buf(buf: &mut Vec<u8>) {
        if buf.is_empty() {
            return;
        }
        let mut out = std::io::stdout().lock();
        // A closed pipe is not an error worth a traceback at this level.
        let _ = out.write_all(buf);
        let _ = out.flush();
        buf.clear();
    }

    /// Writes to stderr, flushing stdout first so the two interleave as written.
    pub fn write_stderr(&self, s: &str) {
        self.flush_stdout();
        let mut err = std::io::stderr().lock();
        let _ = err.write_all(s.as_bytes());
        let _ = err.flush();
    }
}

/// `sys.stdout` / `sys.stderr`.
pub struct Stream {
    pub is_stderr: bool,
}

fn stream_class() -> Arc<Class> {
    static C: std::sync::OnceLock<Arc<Class>> = std::sync::OnceLock::new();
    C.get_or_init(|| {
        let cls = crate::types::new_class(
            "TextIOWrapper",
            Some(crate::types::types().object.clone()),
            TypeKind::Native,
            "_io",
        );
        crate::methods::add_method(&cls, "write", stream_write);
        crate::methods::add_method(&cls, "flush", stream_flush);
        crate::methods::add_method(&cls, "isatty", |_, _| Ok(Value::Bool(false)));
        cls
    })
    .clone()
}

impl NativeObject for Stream {
    fn class(&self) -> Arc<Class> {
        stream_class()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self) -> Option<String> {
        let name = if self.is_stderr { "<stderr>" } else { "<stdout>" };
        Some(format!("<_io.TextIOWrapper name='{name}' mode='w' encoding='utf-8'>"))
    }
}

pub fn stdout_value() -> Value {
    Value::native((Stream { is_stderr: false }))
}

pub fn stderr_value() -> Value {
    Value::native((Stream { is_stderr: true }))
}

fn stream_write(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let this = crate::methods::receiver(&mut args, "TextIOWrapper", "write", 1, 1)?;
    let Some(stream) = crate::object::downcast::<Stream>(&this) else {
        return Err(type_error("write() on a non-stream"));
    };
    let s = match &args.pos[0] {
        Value::Str(s) => s.clone(),
        other => return Err(type_error(format!("write() argument must be str, not {}", type_name(other)))),
    };
    write_console(vm, stream.is_stderr, s.as_str());
    Ok(Value::Int(s.char_len() as i64))
}

fn stream_flush(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    vm.interp.io.flush_stdout();
    Ok(Value::None)
}

/// Console output, the one path for `print` and `sys.std*.write`.
pub fn write_console(vm: &mut Vm, to_stderr: bool, s: &str) {
    if to_stderr {
        vm.interp.io.write_stderr(s);
    } else {
        vm.interp.io.write_stdout(s);
    }
}

pub fn builtin_print(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let sep = args.take_kw("sep");
    let end = args.take_kw("end");
    let file = args.take_kw("file");
    let flush = args.take_kw("flush");
    if let Some((k, _)) = args.kw.first() {
        return Err(type_error(format!("'{k}' is an invalid keyword argument for print()")));
    }
    let text_arg = |v: Option<Value>, what: &str, default: &str| -> PyResult<String> {
        match v {
            None | Some(Value::None) => Ok(default.to_string()),
            Some(Value::Str(s)) => Ok(s.as_str().to_string()),
            Some(other) => Err(type_error(format!("{what} must be None or a string, not {}", type_name(&other)))),
        }
    };
    let sep = text_arg(sep, "sep", " ")?;
    let end = text_arg(end, "end", "\n")?;
    let mut out = String::new();
    for (i, v) in args.pos.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match v {
            Value::Str(s) => out.push_str(s.as_str()),
            other => out.push_str(&protocol::str(vm, other)?),
        }
    }
    out.push_str(&end);
    match file {
        None | Some(Value::None) => write_console(vm, false, &out),
        Some(f) => match crate::object::downcast::<Stream>(&f) {
            Some(stream) => write_console(vm, stream.is_stderr, &out),
            None => {
                let write = crate::attr::get_attr(vm, &f, "write")?;
                vm.call(&write, Args::new(vec![Value::str(out)]))?;
            }
        },
    }
    if let Some(flush) = flush {
        if protocol::truthy(vm, &flush)? {
            vm.interp.io.flush_stdout();
        }
    }
    Ok(Value::None)
}

pub fn builtin_input(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() > 1 {
        return Err(crate::errors::arg_count_error("input", 0, 1, args.pos.len()));
    }
    if let Some(prompt) = args.pos.first() {
        let p = protocol::str(vm, prompt)?;
        vm.interp.io.write_stdout(&p);
    }
    vm.interp.io.flush_stdout();
    let mut line = String::new();
    match std::io::stdin().lock().read_line(&mut line) {
        Ok(0) => Err(crate::errors::exc("EOFError", "EOF when reading a line")),
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
                if line.ends_with('\r') {
                    line.pop();
                }
            }
            Ok(Value::str(line))
        }
        Err(e) => Err(os_error(&e, None)),
    }
}

/// A text file opened with `open()`.
pub struct PyFile {
    pub name: String,
    pub mode: String,
    state: Mutex<FileState>,
}

enum FileState {
    /// Text files are read whole at open; `pos` is the byte offset of the next read.
    Read {
        text: String,
        pos: usize,
    },
    Write(File),
    Closed,
}

fn file_class() -> Arc<Class> {
    static C: std::sync::OnceLock<Arc<Class>> = std::sync::OnceLock::new();
    C.get_or_init(|| {
        let cls = crate::types::new_class(
            "TextIOWrapper",
            Some(crate::types::types().object.clone()),
            TypeKind::Native,
            "_io",
        );
        crate::methods::add_method(&cls, "read", file_read);
        crate::methods::add_method(&cls, "readline", file_readline);
        crate::methods::add_method(&cls, "readlines", file_readlines);
        crate::methods::add_method(&cls, "write", file_write);
        crate::methods::add_method(&cls, "writelines", file_writelines);
        crate::methods::add_method(&cls, "close", file_close);
        crate::methods::add_method(&cls, "flush", |_, _| Ok(Value::None));
        crate::methods::add_method(&cls, "__enter__", |_, args| Ok(args.pos.first().cloned().unwrap_or(Value::None)));
        crate::methods::add_method(&cls, "__exit__", file_close);
        crate::methods::add_method(&cls, "__iter__", |_, args| Ok(args.pos.first().cloned().unwrap_or(Value::None)));
        crate::methods::add_method(&cls, "__next__", file_next);
        cls
    })
    .clone()
}

impl NativeObject for PyFile {
    fn class(&self) -> Arc<Class> {
        file_class()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self) -> Option<String> {
        Some(format!("<_io.TextIOWrapper name='{}' mode='{}' encoding='UTF-8'>", self.name, self.mode))
    }
}

pub fn builtin_open(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let _ = vm;
    let mode_kw = args.take_kw("mode");
    let _encoding = args.take_kw("encoding");
    let file_kw = args.take_kw("file");
    let mut pos = args.pos.into_iter();
    let path =
        file_kw.or_else(|| pos.next()).ok_or_else(|| type_error("open() missing required argument 'file' (pos 1)"))?;
    let mode = mode_kw.or_else(|| pos.next()).unwrap_or_else(|| Value::str("r"));
    let path = match &path {
        Value::Str(s) => s.as_str().to_string(),
        other => {
            return Err(type_error(format!("expected str, bytes or os.PathLike object, not {}", type_name(other))))
        }
    };
    let mode = match &mode {
        Value::Str(s) => s.as_str().to_string(),
        other => return Err(type_error(format!("open() argument 'mode' must be str, not {}", type_name(other)))),
    };
    let base: String = mode.chars().filter(|c| *c != 't').collect();
    if base.contains('b') {
        return Err(value_error("gilvm supports text files only (binary mode 'b' is not available)"));
    }
    let state = match base.as_str() {
        "r" => {
            if std::fs::metadata(&path).map(|m| m.is_dir()).unwrap_or(false) {
                return Err(os_error(&std::io::Error::from_raw_os_error(21), Some(&path)));
            }
            let mut text = String::new();
            File::open(&path).and_then(|mut f| f.read_to_string(&mut text)).map_err(|e| os_error(&e, Some(&path)))?;
            FileState::Read { text, pos: 0 }
        }
        "w" => FileState::Write(File::create(&path).map_err(|e| os_error(&e, Some(&path)))?),
        "a" => FileState::Write(
            std::fs::OpenOptions::new().append(true).create(true).open(&path).map_err(|e| os_error(&e, Some(&path)))?,
        ),
        "x" => FileState::Write(
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
                .map_err(|e| os_error(&e, Some(&path)))?,
        ),
        _ => return Err(value_error(format!("invalid mode: '{mode}'"))),
    };
    Ok(Value::native((PyFile { name: path, mode, state: Mutex::new(state) })))
}

fn this_file<'a>(this: &'a Value) -> PyResult<&'a PyFile> {
    crate::object::downcast::<PyFile>(this).ok_or_else(|| type_error("expected a file object"))
}

fn closed_error() -> crate::errors::PyErr {
    value_error("I/O operation on closed file.")
}

fn not_readable() -> crate::errors::PyErr {
    crate::errors::exc("OSError", "not readable")
}

fn read_line(file: &PyFile) -> PyResult<String> {
    let mut st = file.state.lock();
    match &mut *st {
        FileState::Read { text, pos } => {
            let rest = &text[*pos..];
            let end = rest.find('\n').map(|i| i + 1).unwrap_or(rest.len());
            let line = rest[..end].to_string();
            *pos += end;
            Ok(line)
        }
        FileState::Closed => Err(closed_error()),
        FileState::Write(_) => Err(not_readable()),
    }
}

fn file_read(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let this = crate::methods::receiver(&mut args, "TextIOWrapper", "read", 0, 1)?;
    let file = this_file(&this)?;
    let limit = match args.pos.first() {
        Some(Value::None) | None => -1,
        Some(v) => protocol::as_int(v)?,
    };
    let mut st = file.state.lock();
    match &mut *st {
        FileState::Read { text, pos } => {
            let rest = &text[*pos..];
            let cut = if limit < 0 {
                rest.len()
            } else {
                rest.char_indices().nth(limit as usize).map(|(i, _)| i).unwrap_or(rest.len())
            };
            let out = rest[..cut].to_string();
            *pos += cut;
            Ok(Value::str(out))
        }
        FileState::Closed => Err(closed_error()),
        FileState::Write(_) => Err(not_readable()),
    }
}

fn file_readline(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let this = crate::methods::receiver(&mut args, "TextIOWrapper", "readline", 0, 1)?;
    Ok(Value::str(read_line(this_file(&this)?)?))
}

fn file_readlines(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let this = crate::methods::receiver(&mut args, "TextIOWrapper", "readlines", 0, 1)?;
    let file = this_file(&this)?;
    let mut lines = Vec::new();
    loop {
        let line = read_line(file)?;
        if line.is_empty() {
            break;
        }
        lines.push(Value::str(line));
    }
    Ok(Value::list(lines))
}

fn file_next(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let this = crate::methods::receiver(&mut args, "TextIOWrapper", "__next__", 0, 0)?;
    let line = read_line(this_file(&this)?)?;
    if line.is_empty() {
        return Err(crate::errors::stop_iteration());
    }
    Ok(Value::str(line))
}

fn file_write(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let this = crate::methods::receiver(&mut args, "TextIOWrapper", "write", 1, 1)?;
    let file = this_file(&this)?;
    let s = match &args.pos[0] {
        Value::Str(s) => s.clone(),
        other => return Err(type_error(format!("write() argument must be str, not {}", type_name(other)))),
    };
    let mut st = file.state.lock();
    match &mut *st {
        FileState::Write(f) => {
            f.write_all(s.as_str().as_bytes()).map_err(|e| os_error(&e, Some(&file.name)))?;
            Ok(Value::Int(s.char_len() as i64))
        }
        FileState::Closed => Err(closed_error()),
        FileState::Read { .. } => Err(crate::errors::exc("OSError", "not writable")),
    }
}

fn file_writelines(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let this = crate::methods::receiver(&mut args, "TextIOWrapper", "writelines", 1, 1)?;
    for line in protocol::collect(vm, &args.pos[0])? {
        file_write(vm, Args::new(vec![this.clone(), line]))?;
    }
    Ok(Value::None)
}

fn file_close(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    let file = this_file(&this)?;
    let mut st = file.state.lock();
    if let FileState::Write(f) = &mut *st {
        let _ = f.flush();
    }
    *st = FileState::Closed;
    Ok(Value::None)
}
