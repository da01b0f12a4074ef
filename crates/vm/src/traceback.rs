//! Printing uncaught exceptions the way CPython 3.11 does (`Python/traceback.c` and
//! `print_exception` in `Python/pythonrun.c`): chained exceptions first, then
//! `Traceback (most recent call last):`, one entry per frame with its source line and
//! caret line, repeated entries collapsed, and the `Type: message` line.

use crate::errors::PyErr;
use crate::object::TbEntry;
use crate::protocol;
use crate::value::Value;
use crate::vm::Vm;
use gilvm_syntax::ast::{ExprKind, StmtKind};

/// `TB_RECURSIVE_CUTOFF` in CPython: identical entries shown before collapsing.
const RECURSIVE_CUTOFF: usize = 3;

/// CPython's `PyTraceBack_LIMIT`: only the innermost 1000 entries are printed.
const TRACEBACK_LIMIT: usize = 1000;

/// Renders `err` (with its cause/context chain) as CPython prints it.
pub fn format_exception(vm: &mut Vm, err: &PyErr) -> String {
    let mut out = String::new();
    let mut seen = Vec::new();
    format_chain(vm, &err.value(), &mut out, &mut seen, false);
    out
}

/// Renders an exception that passed through library frames gilvm does not show
/// (threading.py's `_bootstrap_inner` and `Thread.run`). CPython lists those frames, so
/// its `Traceback (most recent call last):` header comes even when no Python frame is
/// listed, as for `Thread(target=int, args=('x',))`.
pub fn format_exception_from_library(vm: &mut Vm, exc: &Value) -> String {
    let mut out = String::new();
    let mut seen = Vec::new();
    format_chain(vm, exc, &mut out, &mut seen, true);
    out
}

fn identity(v: &Value) -> Option<usize> {
    match v {
        Value::Instance(inst) => Some(std::sync::Arc::as_ptr(inst) as usize),
        _ => None,
    }
}

/// `print_exception_recursive`: the cause (or else the unsuppressed context) first,
/// unless it was already printed, then this exception. `always_header` prints the
/// `Traceback` header for this exception even when it lists no frame.
fn format_chain(vm: &mut Vm, exc: &Value, out: &mut String, seen: &mut Vec<usize>, always_header: bool) {
    let Value::Instance(inst) = exc else { return };
    if let Some(id) = identity(exc) {
        seen.push(id);
    }
    let (cause, context, suppress, tb) = match &inst.exc {
        Some(state) => {
            let st = state.lock();
            (st.cause.clone(), st.context.clone(), st.suppress_context, st.traceback.clone())
        }
        None => (None, None, false, Vec::new()),
    };
    let cause = cause.filter(|c| identity(c).is_some());
    let context = context.filter(|c| identity(c).is_some());
    if let Some(c) = &cause {
        if !seen.contains(&identity(c).unwrap_or(0)) {
            format_chain(vm, c, out, seen, false);
            out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
        }
    } else if let (Some(c), false) = (&context, suppress) {
        if !seen.contains(&identity(c).unwrap_or(0)) {
            format_chain(vm, c, out, seen, false);
            out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
        }
    }
    if !tb.is_empty() || always_header {
        out.push_str("Traceback (most recent call last):\n");
        format_entries(vm, &tb, out);
    }
    out.push_str(&exception_line(vm, exc));
    out.push('\n');
    format_notes(vm, inst, out);
}

/// `print_exception_notes`: each entry of a sequence `__notes__` on its own line(s),
/// anything else by its repr.
fn format_notes(vm: &mut Vm, inst: &crate::object::Instance, out: &mut String) {
    let notes = inst.dict.lock().get("__notes__").cloned();
    let Some(notes) = notes else { return };
    let items = match &notes {
        Value::List(_) | Value::Tuple(_) | Value::Str(_) => protocol::collect(vm, &notes).ok(),
        _ => None,
    };
    let Some(items) = items else {
        // (CPython 3.11 writes no newline after the failure message.)
        match protocol::repr(vm, &notes) {
            Ok(r) => {
                out.push_str(&r);
                out.push('\n');
            }
            Err(_) => out.push_str("<__notes__ repr() failed>"),
        }
        return;
    };
    for note in items {
        match protocol::str(vm, &note) {
            Ok(text) => out.push_str(&text),
            Err(_) => out.push_str("<note str() failed>"),
        }
        out.push('\n');
    }
}

/// `tb_print_internal`: entries are stored innermost first; CPython prints outermost
/// first (at most the innermost `TRACEBACK_LIMIT`) and collapses runs of more than
/// `RECURSIVE_CUTOFF` entries with the same file, line and function name.
fn format_entries(vm: &mut Vm, tb: &[TbEntry], out: &mut String) {
    let shown = &tb[..tb.len().min(TRACEBACK_LIMIT)];
    let mut last: Option<(&str, u32, &str)> = None;
    let mut count = 0;
    for entry in shown.iter().rev() {
        let key = (&*entry.filename, entry.line, &*entry.name);
        if last != Some(key) {
            flush_repeats(out, count);
            last = Some(key);
            count = 0;
        }
        count += 1;
        if count <= RECURSIVE_CUTOFF {
            format_entry(vm, entry, out);
        }
    }
    flush_repeats(out, count);
}

fn flush_repeats(out: &mut String, count: usize) {
    if count > RECURSIVE_CUTOFF {
        let n = count - RECURSIVE_CUTOFF;
        out.push_str(&format!("  [Previous line repeated {} more time{}]\n", n, if n > 1 { "s" } else { "" }));
    }
}

/// `tb_displayline`: the `File` line, then the source line without its indentation,
/// then the caret line.
fn format_entry(vm: &mut Vm, entry: &TbEntry, out: &mut String) {
    out.push_str(&format!("  File \"{}\", line {}, in {}\n", entry.filename, entry.line, entry.name));
    // Like CPython, pseudo-files such as `<string>` have no source lines.
    if entry.filename.starts_with('<') && entry.filename.ends_with('>') {
        return;
    }
    let src = match vm.interp.sources.lock().get(&*entry.filename) {
        Some(src) => src.clone(),
        None => return,
    };
    let Some((line_start, line)) = nth_line(&src, entry.line) else { return };
    let indent = line.chars().take_while(|&c| is_indent(c)).count();
    let indent_bytes: usize = line.chars().take(indent).map(char::len_utf8).sum();
    out.push_str("    ");
    out.push_str(&line[indent_bytes..]);
    out.push('\n');
    if let Some(carets) = caret_line(line_start, line, indent, entry) {
        out.push_str(&carets);
    }
}

/// The characters `display_source_line` strips from the start of a line.
fn is_indent(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\x0c')
}

fn is_ws_byte(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\x0c')
}

/// Line `lineno` (1-based) of `src` and its byte offset, without the line break.
fn nth_line(src: &str, lineno: u32) -> Option<(usize, &str)> {
    let mut start = 0;
    for (i, raw) in src.split_inclusive('\n').enumerate() {
        if i + 1 == lineno as usize {
            let line = raw.strip_suffix('\n').unwrap_or(raw);
            let line = line.strip_suffix('\r').unwrap_or(line);
            return Some((start, line));
        }
        start += raw.len();
    }
    None
}

/// `_PyPegen_byte_offset_to_character_offset`: characters in the first `offset` bytes
/// of `s` (a partial UTF-8 sequence counts as one replacement character).
fn char_offset(s: &str, offset: usize) -> usize {
    let bytes = &s.as_bytes()[..offset.min(s.len())];
    String::from_utf8_lossy(bytes).chars().count()
}

/// Terminal columns taken by the first `chars` characters of `line`.
fn display_width(line: &str, chars: usize) -> usize {
    line.chars().take(chars).map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

fn is_wide(c: char) -> bool {
    c as u32 >= 0x1100 && crate::methods::str::unicode::in_table(WIDE_RANGES, c)
}

/// Code points whose `unicodedata.east_asian_width` is `W` or `F` (Unicode 14.0, as in
/// CPython 3.11; unassigned code points inside these blocks are included).
#[rustfmt::skip]
const WIDE_RANGES: &[(u32, u32)] = &[
    (0x1100, 0x115F), (0x231A, 0x231B), (0x2329, 0x232A), (0x23E9, 0x23EC), (0x23F0, 0x23F0), (0x23F3, 0x23F3),
    (0x25FD, 0x25FE), (0x2614, 0x2615), (0x2648, 0x2653), (0x267F, 0x267F), (0x2693, 0x2693), (0x26A1, 0x26A1),
    (0x26AA, 0x26AB), (0x26BD, 0x26BE), (0x26C4, 0x26C5), (0x26CE, 0x26CE), (0x26D4, 0x26D4), (0x26EA, 0x26EA),
    (0x26F2, 0x26F3), (0x26F5, 0x26F5), (0x26FA, 0x26FA), (0x26FD, 0x26FD), (0x2705, 0x2705), (0x270A, 0x270B),
    (0x2728, 0x2728), (0x274C, 0x274C), (0x274E, 0x274E), (0x2753, 0x2755), (0x2757, 0x2757), (0x2795, 0x2797),
    (0x27B0, 0x27B0), (0x27BF, 0x27BF), (0x2B1B, 0x2B1C), (0x2B50, 0x2B50), (0x2B55, 0x2B55), (0x2E80, 0x303E),
    (0x3041, 0x3247), (0x3250, 0x4DBF), (0x4E00, 0xA4C6), (0xA960, 0xA97C), (0xAC00, 0xD7A3), (0xF900, 0xFAD9),
    (0xFE10, 0xFE19), (0xFE30, 0xFE6B), (0xFF01, 0xFF60), (0xFFE0, 0xFFE6), (0x16FE0, 0x1B2FB), (0x1F004, 0x1F004),
    (0x1F0CF, 0x1F0CF), (0x1F18E, 0x1F18E), (0x1F191, 0x1F19A), (0x1F200, 0x1F320), (0x1F32D, 0x1F335),
    (0x1F337, 0x1F37C), (0x1F37E, 0x1F393), (0x1F3A0, 0x1F3CA), (0x1F3CF, 0x1F3D3), (0x1F3E0, 0x1F3F0),
    (0x1F3F4, 0x1F3F4), (0x1F3F8, 0x1F43E), (0x1F440, 0x1F440), (0x1F442, 0x1F4FC), (0x1F4FF, 0x1F53D),
    (0x1F54B, 0x1F54E), (0x1F550, 0x1F567), (0x1F57A, 0x1F57A), (0x1F595, 0x1F596), (0x1F5A4, 0x1F5A4),
    (0x1F5FB, 0x1F64F), (0x1F680, 0x1F6C5), (0x1F6CC, 0x1F6CC), (0x1F6D0, 0x1F6D2), (0x1F6D5, 0x1F6DF),
    (0x1F6EB, 0x1F6EC), (0x1F6F4, 0x1F6FC), (0x1F7E0, 0x1F7F0), (0x1F90C, 0x1F93A), (0x1F93C, 0x1F945),
    (0x1F947, 0x1F9FF), (0x1FA70, 0x1FAF6), (0x20000, 0x3FFFD),
];

/// Secondary ranges found by re-parsing the failing segment.
struct Anchors {
    /// Character offsets in the line: characters after `left` up to and including
    /// `right` (1-based, as in CPython's loop) get `secondary`.
    left: usize,
    right: usize,
    primary: char,
    secondary: char,
}

/// The caret line under the failing part of the line, as `tb_displayline` prints it:
/// `^` under the instruction's range (to the end of the line for multi-line ranges),
/// with `~`/`^` anchors for binary operations and subscripts, and no line at all when
/// plain carets would cover the whole stripped line.
fn caret_line(line_start: usize, line: &str, indent: usize, entry: &TbEntry) -> Option<String> {
    let span = entry.span;
    let line_end = line_start + line.len();
    if span.start < line_start || span.start > line_end || span.end < span.start {
        return None;
    }
    let start = char_offset(line, span.start - line_start);
    let end;
    let mut anchors = None;
    if span.end <= line_end {
        end = char_offset(line, span.end - line_start);
        let segment = line.get(span.start - line_start..span.end - line_start)?;
        anchors = extract_anchors(segment).map(|a| Anchors {
            left: char_offset(segment, a.left) + start,
            right: char_offset(segment, a.right) + start,
            ..a
        });
    } else {
        // Multi-line ranges are underlined to the last non-blank character of the first
        // line. (CPython indexes the UTF-8 bytes with the line's length in characters.)
        let bytes = line.as_bytes();
        let mut i = line.chars().count() as isize;
        loop {
            i -= 1;
            if i < 0 || !is_ws_byte(bytes[i as usize]) {
                break;
            }
        }
        end = (i + 1) as usize;
    }
    let stripped_len = line.chars().count() - indent;
    if end as isize - start as isize == stripped_len as isize && anchors.is_none() {
        return None;
    }
    // Columns count East Asian wide characters twice (`_PyPegen_calculate_display_width`).
    let start = display_width(line, start);
    let end = display_width(line, end);
    let anchors =
        anchors.map(|a| Anchors { left: display_width(line, a.left), right: display_width(line, a.right), ..a });
    let mut carets = String::new();
    // `print_error_location_carets`, starting four columns left of the stripped line.
    let mut offset = indent as isize - 4;
    loop {
        offset += 1;
        if offset > end as isize {
            break;
        }
        let c = if offset <= start as isize {
            ' '
        } else {
            match &anchors {
                Some(a) if (a.left as isize) < offset && offset <= a.right as isize => a.secondary,
                Some(a) => a.primary,
                None => '^',
            }
        };
        carets.push(c);
    }
    carets.push('\n');
    Some(carets)
}

/// `extract_anchors_from_line`: parses the segment on its own; for a binary operation
/// the operator gets `^` and the operands `~`, for a subscript the `[...]` gets `^` and
/// the value `~`. Offsets returned are bytes into `segment`.
fn extract_anchors(segment: &str) -> Option<Anchors> {
    let module = gilvm_syntax::parse_module(segment).ok()?;
    let [stmt] = &module.body[..] else { return None };
    let StmtKind::Expr(expr) = &stmt.kind else { return None };
    let seg = segment.as_bytes();
    let at = |i: usize| seg.get(i).copied().unwrap_or(0);
    match &expr.kind {
        ExprKind::BinOp { left, right, .. } => {
            let (mut left_anchor, mut right_anchor) = (None, None);
            let stop = right.span.start;
            let mut i = left.span.end;
            while i < stop {
                if is_ws_byte(at(i)) {
                    i += 1;
                    continue;
                }
                left_anchor = Some(i);
                right_anchor = Some(i + 1);
                // Two-character operators such as `//` (or anything else non-blank).
                if i + 1 < stop && !is_ws_byte(at(i + 1)) {
                    right_anchor = Some(i + 2);
                }
                // Keep going past the closing parentheses of the left operand.
                if i + 1 < stop && at(i) == b')' {
                    i += 1;
                    continue;
                }
                return Some(Anchors { left: i, right: right_anchor?, primary: '~', secondary: '^' });
            }
            Some(Anchors { left: left_anchor?, right: right_anchor?, primary: '^', secondary: '^' })
        }
        ExprKind::Subscript { value, index } => {
            let len = seg.len();
            let mut left = value.span.end;
            let mut right = index.span.end + 1;
            while left < len && (is_ws_byte(seg[left]) || seg[left] != b'[') {
                left += 1;
            }
            while right < len && (is_ws_byte(seg[right]) || seg[right] != b']') {
                right += 1;
            }
            if right < len {
                right += 1;
            }
            Some(Anchors { left, right, primary: '~', secondary: '^' })
        }
        _ => None,
    }
}

/// `Type: message` (just `Type` when the message is empty), as `print_exception` writes
/// it: the module prefix is left out for `builtins` and `__main__`, and a failing
/// `str()` shows as `<exception str() failed>`.
pub fn exception_line(vm: &mut Vm, exc: &Value) -> String {
    let cls = protocol::class_of(exc);
    // `type.__module__` reads the class's own `__module__` entry when it has one (it can
    // be reassigned), else it is the module recorded for the class.
    let module = match cls.dict.read().get("__module__") {
        Some(v) => v.as_str().map_or_else(|| "<unknown>".to_string(), str::to_string),
        None => cls.module.to_string(),
    };
    let name = if module == "builtins" || module == "__main__" {
        cls.qualname.to_string()
    } else {
        format!("{module}.{}", cls.qualname)
    };
    let line = match protocol::str(vm, exc) {
        Ok(msg) if msg.is_empty() => name,
        Ok(msg) => format!("{name}: {msg}"),
        Err(_) => format!("{name}: <exception str() failed>"),
    };
    match crate::suggest::hint_for(vm, exc) {
        Some(hint) => format!("{line}. Did you mean: '{hint}'?"),
        None => line,
    }
}
