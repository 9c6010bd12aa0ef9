//! Build steps that run only when their inputs changed: next to each output, a stamp file holds
//! the SHA-256 of the step's command and the bytes of its inputs (content, not timestamps,
//! so a touched but unchanged file, or a fresh checkout, costs nothing).

use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// Runs `step` unless `output` exists and its stamp matches `command` and `inputs`; then
/// records the new stamp. Returns whether the step ran.
pub fn run_if_changed(output: &Path, inputs: &[&Path], command: &str, step: impl FnOnce() -> Result<(), String>) -> Result<bool, String> {
    let key = fingerprint(inputs, command)?;
    let stamp = stamp_of(output);
    if output.exists() && std::fs::read_to_string(&stamp).is_ok_and(|old| old == key) {
        println!("skip: {} is up to date", output.display());
        return Ok(false);
    }
    step()?;
    std::fs::write(&stamp, key).map_err(|e| format!("cannot write {}: {e}", stamp.display()))?;
    Ok(true)
}

/// The hex SHA-256 of a command and its input files, each length-prefixed so that no two
/// different sets of inputs hash alike.
pub fn fingerprint(inputs: &[&Path], command: &str) -> Result<String, String> {
    let mut hasher = Sha256::new();
    hasher.update((command.len() as u64).to_le_bytes());
    hasher.update(command.as_bytes());
    for input in inputs {
        let bytes = std::fs::read(input).map_err(|e| format!("cannot read {}: {e}", input.display()))?;
        hasher.update((bytes.len() as u64).to_le_bytes());
        hasher.update(&bytes);
    }
    Ok(hasher.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

fn stamp_of(output: &Path) -> PathBuf {
    let mut name = output.file_name().unwrap_or_default().to_os_string();
    name.push(".stamp");
    output.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_step_runs_again_only_when_an_input_or_the_command_changes() {
        let dir = std::env::temp_dir().join(format!("xtask-stamps-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let (input, output) = (dir.join("in.txt"), dir.join("out.txt"));
        std::fs::write(&input, "one").unwrap();
        let copy = || std::fs::copy(&input, &output).map(|_| ()).map_err(|e| e.to_string());
        assert!(run_if_changed(&output, &[&input], "copy", copy).unwrap(), "first run");
        assert!(!run_if_changed(&output, &[&input], "copy", copy).unwrap(), "nothing changed");
        std::fs::write(&input, "one").unwrap();
        assert!(!run_if_changed(&output, &[&input], "copy", copy).unwrap(), "rewritten with the same bytes");
        assert!(run_if_changed(&output, &[&input], "copy --other", copy).unwrap(), "another command");
        std::fs::write(&input, "two").unwrap();
        assert!(run_if_changed(&output, &[&input], "copy --other", copy).unwrap(), "new content");
        std::fs::remove_file(&output).unwrap();
        assert!(run_if_changed(&output, &[&input], "copy --other", copy).unwrap(), "output gone");
        assert_eq!(std::fs::read_to_string(&output).unwrap(), "two");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_failed_step_leaves_no_stamp() {
        let dir = std::env::temp_dir().join(format!("xtask-stamps-fail-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let (input, output) = (dir.join("in.txt"), dir.join("out.txt"));
        std::fs::write(&input, "x").unwrap();
        std::fs::write(&output, "stale").unwrap();
        assert!(run_if_changed(&output, &[&input], "fail", || Err("broken".into())).is_err());
        assert!(run_if_changed(&output, &[&input], "fail", || Ok(())).unwrap(), "still to do after a failure");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
