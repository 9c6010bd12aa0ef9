//! Table-driven validation tests: every pack in `malformed/` must be rejected with exactly
//! the errors its `# expect:` header lines list (file, line and reason), and the valid
//! base pack they are all derived from must load.

use ethics_engine::load;
use std::path::Path;

fn load_one(path: &Path) -> (String, Result<ethics_engine::Pack, Vec<ethics_engine::PackError>>) {
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let text = std::fs::read_to_string(path).unwrap();
    let result = load::from_sources(&[(name, text.clone())]);
    (text, result)
}

#[test]
fn the_base_of_every_fixture_is_valid() {
    let (_, result) = load_one(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/valid_pack.toml"));
    let pack = result.unwrap_or_else(|e| panic!("valid_pack.toml should load: {e:?}"));
    assert_eq!(pack.topics.len(), 1);
    assert_eq!(pack.languages.len(), 2);
}

#[test]
fn each_malformed_pack_gives_exactly_its_expected_errors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/malformed");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    assert!(files.len() >= 15, "at least 15 malformed-pack fixtures, found {}", files.len());
    let mut mismatches = Vec::new();
    for path in &files {
        let (text, result) = load_one(path);
        let expected: Vec<&str> = text.lines().filter_map(|l| l.strip_prefix("# expect: ")).collect();
        assert!(!expected.is_empty(), "{} has no `# expect:` line", path.display());
        let actual: Vec<String> = match result {
            Ok(_) => vec!["(loaded without error)".into()],
            Err(errors) => errors.iter().map(ToString::to_string).collect(),
        };
        if actual != expected {
            mismatches.push(format!("{}\n  expected:\n    {}\n  actual:\n# expect: {}", path.display(), expected.join("\n    "), actual.join("\n# expect: ")));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n\n"));
}
