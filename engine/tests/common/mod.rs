//! The engine's own fixture pack (`fixture/`): small, but with every kind of question, an
//! outcome with a further one, steps from rules and topics, and an edge that skips a layer.
//! The engine's tests read it rather than the shipped pack, whose own checks are the loader's
//! validation, the case library and `cargo xtask check-rules`.

use ethics_engine::{load, Pack};
use std::path::Path;
use std::sync::OnceLock;

pub fn fixture() -> &'static Pack {
    static PACK: OnceLock<Pack> = OnceLock::new();
    PACK.get_or_init(|| load::from_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixture")).unwrap_or_else(|e| panic!("the fixture pack must be valid: {e:?}")))
}
