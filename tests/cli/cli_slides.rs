//! `cruscotto slides`: its options, and bad ones refused before any window opens.

use std::process::{Command, Output};

fn cruscotto(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cruscotto"))
        .args(args)
        .output()
        .expect("the cruscotto binary runs")
}

#[test]
fn help_names_every_option_of_slides() {
    let output = cruscotto(&["slides", "--help"]);
    assert_eq!(output.status.code(), Some(0));
    let help = String::from_utf8_lossy(&output.stdout);
    for option in ["--out", "--format", "--size", "--lang", "--theme", "[FILE]"] {
        assert!(help.contains(option), "{option} missing from:\n{help}");
    }
}

#[test]
fn slides_refuse_a_malformed_size_or_format_before_opening_a_window() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("deck");
    let out_arg = out.to_str().unwrap();
    for bad in [
        ["--size", "1920by1080"],
        ["--size", "10x10"],
        ["--format", "gif"],
        ["--theme", "sepia"],
    ] {
        let mut args = vec!["slides", "--out", out_arg];
        args.extend(bad);
        let output = cruscotto(&args);
        assert_eq!(output.status.code(), Some(2), "{bad:?}");
        assert!(!out.exists(), "{bad:?} created the folder");
    }
}
