#[test]
fn stdlib() {
    let list = std::fs::read_to_string("/tmp/pe/files.txt").unwrap();
    let mut ok = 0; let mut bad = 0;
    for path in list.lines() {
        let Ok(src) = std::fs::read_to_string(path) else { continue };
        match gilvm_syntax::parse_module(&src) {
            Ok(_) => ok += 1,
            Err(e) => { bad += 1; if e.msg.contains("deeply") || e.msg.contains("nested") || e.msg.contains("levels") { println!("{path}: {}", e.render(path, &src).lines().last().unwrap_or("")); } }
        }
    }
    println!("ok {ok} bad {bad}");
}
