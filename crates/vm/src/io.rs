//! Console and file I/O: buffered stdout, `print`, `input`, `open` and text files, and the
//! `sys.stdout` / `sys.stderr` stream objects.
//!
//! Stdout is block-buffered (line-buffered on a terminal, unbuffered with `-u`) and is
//! flushed before anything is written to stderr, so output interleaves as in CPython.
//!
//! Writing to the OS is a blocking call: it happens with the GIL released. Chunks of
//! output take a ticket when they leave the buffer (with the GIL held) and are written
//! in ticket order, so threads that flush concurrently cannot reorder the output.

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
use gilvm_sched::{BlockKind, ThreadCtx};

const BUFFER_LIMIT: usize = 8192;

pub struct Io {
    /// Buffered stdout, and the next ticket to hand out. Held only briefly, never while
    /// writing to the OS.
    stdout: Mutex<(Vec<u8>, u64)>,
    /// The ticket whose chunk is written next.
    turn: Mutex<u64>,
    turn_changed: parking_lot::Condvar,
    /// Flush after every write (`-u`).
    unbuffered: bool,
    /// Flush at each newline (stdout is a terminal).
    line_buffered: bool,
    /// Set at interpreter exit: later output (from abandoned daemon threads) is dropped.
    closed: std::sync::atomic::AtomicBool,
}

impl Io {
    pub fn new(unbuffered: bool) -> Io {
        Io {
            stdout: Mutex::new((Vec::new(), 0)),
            turn: Mutex::new(0),
            turn_changed: parking_lot::Condvar::new(),
            unbuffered,
            line_buffered: std::io::stdout().is_terminal(),
            closed: std::sync::atomic::AtomicBool::new(false),
        }
    }

    fn is_closed(&self) -> bool {
        self.closed.load(std::sync::atomic::Ordering::Relaxed)
    }

    pub fn write_stdout(&self, thread: &mut ThreadCtx, s: &str) {
        if self.is_closed() {
            return;
        }
        let flush = {
            let mut buf = self.stdout.lock();
            buf.0.extend_from_slice(s.as_bytes());
            self.unbuffered || buf.0.len() >= BUFFER_LIMIT || (self.line_buffered && s.contains('\n'))
        };
        if flush {
            self.flush_stdout(thread);
        }
    }

    pub fn flush_stdout(&self, thread: &mut ThreadCtx) {
        self.write_ordered(thread, None);
    }

    /// Writes to stderr, flushing stdout first so the two interleave as written.
    pub fn write_stderr(&self, thread: &mut ThreadCtx, s: &str) {
        if self.is_closed() {
            return;
        }
        self.write_ordered(thread, Some(s.as_bytes()));
    }

    /// Takes the buffered stdout (and `stderr_text`) with a ticket, then writes them with
    /// the GIL released once every earlier ticket has been written.
    fn write_ordered(&self, thread: &mut ThreadCtx, stderr_text: Option<&[u8]>) {
        let (chunk, ticket) = {
            let mut buf = self.stdout.lock();
            if buf.0.is_empty() && stderr_text.is_none() {
                return;
            }
            let ticket = buf.1;
            buf.1 += 1;
            (std::mem::take(&mut buf.0), ticket)
        };
        thread.allow_threads(BlockKind::Io, || {
            let mut turn = self.turn.lock();
            while *turn != ticket {
                self.turn_changed.wait(&mut turn);
            }
            Self::write_os(&chunk, stderr_text);
            *turn += 1;
            self.turn_changed.notify_all();
        });
    }

    fn write_os(stdout_bytes: &[u8], stderr_bytes: Option<&[u8]>) {
        // A closed pipe is not an error worth a traceback at this level.
        if !stdout_bytes.is_empty() {
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(stdout_bytes);
            let _ = out.flush();
        }
        if let Some(bytes) = stderr_bytes {
            let mut err = std::io::stderr().lock();
            let _ = err.write_all(bytes);
            let _ = err.flush();
        }
    }

    /// At interpreter exit (the main thread, holding the GIL for good): writes what is
    /// buffered and drops any later output.
    pub fn close(&self) {
        let chunk = {
            let mut buf = self.stdout.lock();
            self.closed.store(true, std::sync::atomic::Ordering::Relaxed);
            std::mem::take(&mut buf.0)
        };
        // Earlier tickets belong to threads that are writing right now; let them finish.
        let mut turn = self.turn.lock();
        let last = self.stdout.lock().1;
        while *turn != last {
            self.turn_changed.wait(&mut turn);
        }
        Self::write_os(&chunk, None);
    }

    /// Writes straight to stderr (after what is buffered), for reports at exit.
    pub fn write_stderr_at_exit(&self, s: &str) {
        Self::write_os(&[], Some(s.as_bytes()));
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
        crate::methods::add_method(&cls, "isatty", |_, _| Ok(Value::Bool(crate::value::PyBool::FALSE)));
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
    Value::native(Stream { is_stderr: false })
}

pub fn stderr_value() -> Value {
    Value::native(Stream { is_stderr: true })
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
    vm.interp.io.flush_stdout(&mut vm.thread);
    Ok(Value::None)
}

/// Console output, the one path for `print` and `sys.std*.write`.
pub fn write_console(vm: &mut Vm, to_stderr: bool, s: &str) {
    if to_stderr {
        vm.interp.io.write_stderr(&mut vm.thread, s);
    } else {
        vm.interp.io.write_stdout(&mut vm.thread, s);
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
            vm.interp.io.flush_stdout(&mut vm.thread);
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
        vm.interp.io.write_stdout(&mut vm.thread, &p);
    }
    vm.interp.io.flush_stdout(&mut vm.thread);
    let mut line = String::new();
    let read = vm.allow_threads(BlockKind::Io, || std::io::stdin().lock().read_line(&mut line));
    match read {
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
    Open(OpenFile),
    Closed,
}

/// An open text file. Reads fill `cache` with the rest of the file at once (text files
/// are small and read line by line), leaving the OS offset at the end; a write or `seek`
/// drops the cache.
struct OpenFile {
    file: File,
    readable: bool,
    writable: bool,
    /// The unread rest of the file, and the file offset where it starts.
    cache: Option<ReadCache>,
}

struct ReadCache {
    text: String,
    start: u64,
    /// Byte offset of the next read within `text`.
    pos: usize,
}

impl OpenFile {
    /// The cache, filled from the current file offset if empty.
    fn cache(&mut self, thread: &mut ThreadCtx, name: &str) -> PyResult<&mut ReadCache> {
        if !self.readable {
            return Err(unsupported("not readable"));
        }
        if self.cache.is_none() {
            use std::io::Seek;
            let file = &mut self.file;
            let read = thread.allow_threads(BlockKind::Io, || -> std::io::Result<(u64, Vec<u8>)> {
                let start = file.stream_position()?;
                let mut bytes = Vec::new();
                file.read_to_end(&mut bytes)?;
                Ok((start, bytes))
            });
            let (start, bytes) = read.map_err(|e| os_error(&e, Some(name)))?;
            let text = String::from_utf8(bytes).map_err(|e| {
                crate::errors::exc(
                    "UnicodeDecodeError",
                    &format!(
                        "'utf-8' codec can't decode byte 0x{:02x} in position {}: invalid start byte",
                        e.as_bytes()[e.utf8_error().valid_up_to()],
                        e.utf8_error().valid_up_to()
                    ),
                )
            })?;
            self.cache = Some(ReadCache { text, start, pos: 0 });
        }
        Ok(self.cache.as_mut().expect("filled above"))
    }

    fn tell(&mut self, name: &str) -> PyResult<u64> {
        match &self.cache {
            Some(c) => Ok(c.start + c.pos as u64),
            None => {
                use std::io::Seek;
                self.file.stream_position().map_err(|e| os_error(&e, Some(name)))
            }
        }
    }
}

fn unsupported(msg: &str) -> crate::errors::PyErr {
    crate::errors::exc("OSError", msg)
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
        crate::methods::add_method(&cls, "seek", file_seek);
        crate::methods::add_method(&cls, "tell", file_tell);
        crate::methods::add_method(&cls, "readable", |vm, args| file_flag(vm, args, "readable"));
        crate::methods::add_method(&cls, "writable", |vm, args| file_flag(vm, args, "writable"));
        crate::methods::add_method(&cls, "flush", file_flush);
        crate::methods::add_method(&cls, "__enter__", |_, args| Ok(args.pos.first().cloned().unwrap_or(Value::None)));
        crate::methods::add_method(&cls, "__exit__", file_close);
        crate::methods::add_method(&cls, "__iter__", |_, args| Ok(args.pos.first().cloned().unwrap_or(Value::None)));
        crate::methods::add_method(&cls, "__next__", file_next);
        for (name, getter) in
            [("closed", file_closed as crate::object::BuiltinFn), ("name", file_name), ("mode", file_mode)]
        {
            let fget = crate::builtins::builtin(name, getter);
            let prop = crate::object::DescriptorObj {
                desc: crate::sync::RwLock::new(crate::object::Descriptor::Property { fget, fset: None }),
            };
            cls.set_attr(name, Value::native(prop));
        }
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
    // CPython's checks: each of "rwxa+tb" at most once, and exactly one of "rwxa".
    let valid = mode.chars().all(|c| "rwxa+tb".contains(c))
        && "rwxa+tb".chars().all(|c| mode.matches(c).count() <= 1)
        && mode.chars().filter(|c| "rwxa".contains(*c)).count() == 1
        && !(mode.contains('t') && mode.contains('b'));
    if !valid {
        if mode.chars().filter(|c| "rwxa".contains(*c)).count() > 1 {
            return Err(value_error("must have exactly one of create/read/write/append mode"));
        }
        return Err(value_error(format!("invalid mode: '{mode}'")));
    }
    if mode.contains('b') {
        return Err(value_error("gilvm supports text files only (binary mode 'b' is not available)"));
    }
    let plus = mode.contains('+');
    let kind = mode.chars().find(|c| "rwxa".contains(*c)).unwrap_or('r');
    if std::fs::metadata(&path).map(|m| m.is_dir()).unwrap_or(false) {
        return Err(os_error(&std::io::Error::from_raw_os_error(21), Some(&path)));
    }
    let mut options = std::fs::OpenOptions::new();
    match kind {
        'r' => options.read(true).write(plus),
        'w' => options.write(true).create(true).truncate(true).read(plus),
        'a' => options.append(true).create(true).read(plus),
        _ => options.write(true).create_new(true).read(plus),
    };
    let mut file = options.open(&path).map_err(|e| os_error(&e, Some(&path)))?;
    if kind == 'a' {
        use std::io::Seek;
        file.seek(std::io::SeekFrom::End(0)).map_err(|e| os_error(&e, Some(&path)))?;
    }
    let state =
        FileState::Open(OpenFile { file, readable: kind == 'r' || plus, writable: kind != 'r' || plus, cache: None });
    Ok(Value::native(PyFile { name: path, mode, state: Mutex::new(state) }))
}

fn this_file(this: &Value) -> PyResult<&PyFile> {
    crate::object::downcast::<PyFile>(this).ok_or_else(|| type_error("expected a file object"))
}

fn closed_error() -> crate::errors::PyErr {
    value_error("I/O operation on closed file.")
}

/// Runs `f` on the open file, or fails with CPython's closed-file error. Another thread
/// may be using the file (with the GIL released): wait for it without the GIL.
fn with_open<T>(
    vm: &mut Vm,
    file: &PyFile,
    f: impl FnOnce(&mut OpenFile, &mut ThreadCtx) -> PyResult<T>,
) -> PyResult<T> {
    let mut state = match file.state.try_lock() {
        Some(state) => state,
        None => vm.allow_threads(BlockKind::Io, || file.state.lock()),
    };
    match &mut *state {
        FileState::Open(open) => f(open, &mut vm.thread),
        FileState::Closed => Err(closed_error()),
    }
}

fn read_line(vm: &mut Vm, file: &PyFile) -> PyResult<String> {
    with_open(vm, file, |open, thread| {
        let c = open.cache(thread, &file.name)?;
        let rest = &c.text[c.pos..];
        let end = rest.find('\n').map(|i| i + 1).unwrap_or(rest.len());
        let line = rest[..end].to_string();
        c.pos += end;
        Ok(line)
    })
}

fn file_read(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let this = crate::methods::receiver(&mut args, "TextIOWrapper", "read", 0, 1)?;
    let file = this_file(&this)?;
    let limit = match args.pos.first() {
        Some(Value::None) | None => -1,
        Some(v) => protocol::as_int(v)?,
    };
    with_open(vm, file, |open, thread| {
        let c = open.cache(thread, &file.name)?;
        let rest = &c.text[c.pos..];
        let cut = if limit < 0 {
            rest.len()
        } else {
            rest.char_indices().nth(limit as usize).map(|(i, _)| i).unwrap_or(rest.len())
        };
        let out = rest[..cut].to_string();
        c.pos += cut;
        Ok(Value::str(out))
    })
}

fn file_readline(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let this = crate::methods::receiver(&mut args, "TextIOWrapper", "readline", 0, 1)?;
    Ok(Value::str(read_line(vm, this_file(&this)?)?))
}

fn file_readlines(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let this = crate::methods::receiver(&mut args, "TextIOWrapper", "readlines", 0, 1)?;
    let file = this_file(&this)?;
    let mut lines = Vec::new();
    loop {
        let line = read_line(vm, file)?;
        if line.is_empty() {
            break;
        }
        lines.push(Value::str(line));
    }
    Ok(Value::list(lines))
}

fn file_next(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let this = crate::methods::receiver(&mut args, "TextIOWrapper", "__next__", 0, 0)?;
    let line = read_line(vm, this_file(&this)?)?;
    if line.is_empty() {
        return Err(crate::errors::stop_iteration());
    }
    Ok(Value::str(line))
}

fn file_write(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let this = crate::methods::receiver(&mut args, "TextIOWrapper", "write", 1, 1)?;
    let file = this_file(&this)?;
    let s = match &args.pos[0] {
        Value::Str(s) => s.clone(),
        other => return Err(type_error(format!("write() argument must be str, not {}", type_name(other)))),
    };
    with_open(vm, file, |open, thread| {
        if !open.writable {
            return Err(unsupported("not writable"));
        }
        // As in CPython, a write after a read lands where the read-ahead stopped (the end
        // of the file here), not at the logical read position.
        open.cache = None;
        let file_handle = &mut open.file;
        thread
            .allow_threads(BlockKind::Io, || file_handle.write_all(s.as_str().as_bytes()))
            .map_err(|e| os_error(&e, Some(&file.name)))?;
        Ok(Value::Int(s.char_len() as i64))
    })
}

/// `f.seek(offset, whence=0)`: text files allow only absolute seeks, or seeking to the
/// current position or the end with offset 0.
fn file_seek(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let this = crate::methods::receiver(&mut args, "TextIOWrapper", "seek", 1, 2)?;
    let file = this_file(&this)?;
    let offset = protocol::as_int(&args.pos[0])?;
    let whence = match args.pos.get(1) {
        Some(v) => protocol::as_int(v)?,
        None => 0,
    };
    with_open(vm, file, |open, thread| {
        use std::io::{Seek, SeekFrom};
        let target = match (whence, offset) {
            (0, o) if o < 0 => return Err(value_error(format!("negative seek position {o}"))),
            (0, o) => SeekFrom::Start(o as u64),
            (1, 0) => SeekFrom::Start(open.tell(&file.name)?),
            (1, _) => return Err(unsupported("can't do nonzero cur-relative seeks")),
            (2, 0) => SeekFrom::End(0),
            (2, _) => return Err(unsupported("can't do nonzero end-relative seeks")),
            (w, _) => return Err(value_error(format!("invalid whence ({w}, should be 0, 1 or 2)"))),
        };
        open.cache = None;
        let file_handle = &mut open.file;
        let at = thread
            .allow_threads(BlockKind::Io, || file_handle.seek(target))
            .map_err(|e| os_error(&e, Some(&file.name)))?;
        Ok(Value::Int(at as i64))
    })
}

fn file_tell(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let this = crate::methods::receiver(&mut args, "TextIOWrapper", "tell", 0, 0)?;
    let file = this_file(&this)?;
    with_open(vm, file, |open, _| Ok(Value::Int(open.tell(&file.name)? as i64)))
}

fn file_flush(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    let file = this_file(&this)?;
    with_open(vm, file, |open, thread| {
        let file_handle = &mut open.file;
        let _ = thread.allow_threads(BlockKind::Io, || file_handle.flush());
        Ok(Value::None)
    })
}

fn file_flag(vm: &mut Vm, args: Args, which: &str) -> PyResult<Value> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    let file = this_file(&this)?;
    with_open(vm, file, |open, _| Ok(Value::bool(if which == "readable" { open.readable } else { open.writable })))
}

fn file_closed(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    let closed = matches!(*this_file(&this)?.state.lock(), FileState::Closed);
    Ok(Value::bool(closed))
}

fn file_name(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    Ok(Value::str(this_file(&this)?.name.clone()))
}

fn file_mode(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    Ok(Value::str(this_file(&this)?.mode.clone()))
}

fn file_writelines(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let this = crate::methods::receiver(&mut args, "TextIOWrapper", "writelines", 1, 1)?;
    for line in protocol::collect(vm, &args.pos[0])? {
        file_write(vm, Args::new(vec![this.clone(), line]))?;
    }
    Ok(Value::None)
}

fn file_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    let file = this_file(&this)?;
    let mut st = match file.state.try_lock() {
        Some(state) => state,
        None => vm.allow_threads(BlockKind::Io, || file.state.lock()),
    };
    if let FileState::Open(open) = &mut *st {
        let file_handle = &mut open.file;
        let _ = vm.thread.allow_threads(BlockKind::Io, || file_handle.flush());
    }
    *st = FileState::Closed;
    Ok(Value::None)
}
