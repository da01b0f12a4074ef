//! Printing uncaught exceptions the way CPython 3.11 does: chained exceptions first,
//! then `Traceback (most recent call last):`, one entry per frame with its source line,
//! repeated entries collapsed, and the `Type: message` line.

use crate::errors::PyErr;
use crate::object::TbEntry;
use crate::protocol;
use crate::value::Value;
use crate::vm::Vm;

/// Renders `err` (with its cause/context chain) as CPython prints it.
pub fn format_exception(vm: &mut Vm, err: &PyErr) -> String {
    let mut out = String::new();
    let mut seen = Vec::new();
    format_chain(vm, &err.value(), &mut out, &mut seen);
    out
}

fn format_chain(vm: &mut Vm, exc: &Value, out: &mut String, seen: &mut Vec<usize>) {
    let Value::Instance(inst) = exc else { return };
    let ptr = std::sync::Arc::as_ptr(inst) as usize;
    if seen.contains(&ptr) {
        return;
    }
    seen.push(ptr);
    let (cause, context, suppress, tb) = match &inst.exc {
        Some(state) => {
            let st = state.lock();
            (st.cause.clone(), st.context.clone(), st.suppress_context, st.traceback.clone())
        }
        None => (None, None, false, Vec::new()),
    };
    if let Some(c) = &cause {
        format_chain(vm, c, out, seen);
        out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
    } else if let (Some(c), false) = (&context, suppress) {
        format_chain(vm, c, out, seen);
        out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
    }
    if !tb.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
        format_entries(vm, &tb, out);
    }
    out.push_str(&exception_line(vm, exc));
    out.push('\n');
}

/// Entries are stored innermost first; CPython prints outermost first and collapses
/// runs of more than three identical entries.
fn format_entries(vm: &mut Vm, tb: &[TbEntry], out: &mut String) {
    let mut last: Option<(&str, u32, &str)> = None;
    let mut repeats = 0;
    for entry in tb.iter().rev() {
        let key = (&*entry.filename, entry.line, &*entry.name);
        if last == Some(key) {
            repeats += 1;
        } else {
            flush_repeats(out, repeats);
            repeats = 0;
            last = Some(key);
        }
        if repeats >= 3 {
            continue;
        }
        out.push_str(&format!("  File \"{}\", line {}, in {}\n", entry.filename, entry.line, entry.name));
        if let Some(src) = vm.interp.source_line(&entry.filename, entry.line) {
            let stripped = src.trim_start();
            if !stripped.is_empty() {
                out.push_str(&format!("    {}\n", stripped.trim_end()));
                if let Some(carets) = caret_line(vm, entry, &src) {
                    out.push_str(&carets);
                }
            }
        }
    }
    flush_repeats(out, repeats);
}

fn flush_repeats(out: &mut String, repeats: usize) {
    if repeats > 2 {
        let n = repeats - 2;
        out.push_str(&format!("  [Previous line repeated {} more time{}]\n", n, if n == 1 { "" } else { "s" }));
    }
}

/// The `^^^^` line under the failing expression, omitted when it would underline the
/// whole line (as CPython 3.11 does).
fn caret_line(vm: &mut Vm, entry: &TbEntry, line_src: &str) -> Option<String> {
    let sources = vm.interp.sources.lock();
    let src = sources.get(&entry.filename)?;
    let line_start = src.split_inclusive('\n').take(entry.line as usize - 1).map(|l| l.len()).sum::<usize>();
    let span = entry.span;
    if span.start < line_start || span.start >= line_start + line_src.len() + 1 {
        return None;
    }
    let line_end = line_start + line_src.len();
    let start = span.start - line_start;
    let end = span.end.min(line_end).max(span.start) - line_start;
    let indent = line_src.len() - line_src.trim_start().len();
    let content_end = line_src.trim_end().len();
    if start <= indent && end >= content_end {
        return None;
    }
    if end <= start || start < indent {
        return None;
    }
    let col = line_src[indent..start].chars().count();
    let width = line_src.get(start..end)?.chars().count();
    Some(format!("    {}{}\n", " ".repeat(col), "^".repeat(width.max(1))))
}

/// `Type: message` (just `Type` when the message is empty).
pub fn exception_line(vm: &mut Vm, exc: &Value) -> String {
    let cls = protocol::class_of(exc);
    let name = if &*cls.module == "builtins" || &*cls.module == "__main__" {
        cls.qualname.to_string()
    } else {
        format!("{}.{}", cls.module, cls.qualname)
    };
    let msg = match protocol::str(vm, exc) {
        Ok(m) => m,
        Err(_) => "<exception str() failed>".to_string(),
    };
    if msg.is_empty() {
        name
    } else {
        format!("{name}: {msg}")
    }
}
