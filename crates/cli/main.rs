//! The `gilvm` command line: `run`, `dis`, `--version`, `--help`.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

const EXAMPLES: &str = "\
Examples:
  gilvm run programs/basics/fstrings.py        run a script
  gilvm run prog.py arg1 arg2                  sys.argv == ['prog.py', 'arg1', 'arg2']
  gilvm run -c 'print(sum(range(10)))'         run a string of code
  gilvm run -u prog.py                         unbuffered stdout
  gilvm dis prog.py                            show the bytecode, like python3 -m dis";

/// gilvm: a Python-subset interpreter whose threads share a global interpreter lock.
#[derive(Parser)]
#[command(name = "gilvm", version, about, after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run a Python program.
    #[command(after_help = EXAMPLES)]
    Run {
        /// Program passed in as a string (like python3 -c).
        #[arg(short = 'c', value_name = "CODE")]
        code: Option<String>,
        /// Force stdout to be unbuffered.
        #[arg(short = 'u')]
        unbuffered: bool,
        /// The script to run (with -c, the first program argument instead).
        #[arg(value_name = "FILE", required_unless_present = "code")]
        file: Option<String>,
        /// Arguments passed to the program as sys.argv[1:].
        #[arg(value_name = "ARGS", trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Disassemble a program's bytecode.
    Dis {
        /// The script to disassemble.
        #[arg(value_name = "FILE")]
        file: String,
    },
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            // clap exits 0 for --help/--version and 2 for usage errors, like CPython.
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let status = match cli.command {
        Command::Run { code, unbuffered, file, args } => {
            let source = match (code, file) {
                (Some(code), file) => {
                    // With -c, a positional FILE is really the first program argument.
                    let mut all = Vec::new();
                    all.extend(file);
                    all.extend(args.iter().cloned());
                    return finish(gilvm_vm::run(
                        gilvm_vm::Source::Code(code),
                        gilvm_vm::RunOptions { args: all, unbuffered },
                    ));
                }
                (None, Some(file)) => gilvm_vm::Source::File(file),
                (None, None) => unreachable!("clap requires FILE unless -c is given"),
            };
            gilvm_vm::run(source, gilvm_vm::RunOptions { args, unbuffered })
        }
        Command::Dis { file } => dis(&file),
    };
    finish(status)
}

fn finish(status: i32) -> ExitCode {
    ExitCode::from((status & 0xff) as u8)
}

fn dis(path: &str) -> i32 {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            let errno = e.raw_os_error().unwrap_or(2);
            eprintln!("gilvm: can't open file '{path}': [Errno {errno}] {}", gilvm_vm::errors::strerror(errno, &e));
            return 2;
        }
    };
    match gilvm_compiler::compile_source(&text, path) {
        Ok(code) => {
            print!("{}", gilvm_compiler::dis::disassemble(&code));
            0
        }
        Err(err) => {
            eprint!("{}", err.render(path, &text));
            1
        }
    }
}
