//! The rule pack compiled by `build.rs`, embedded as postcard bytes and decoded once.

use ethics_engine::Pack;
use std::rc::Rc;

static PACK_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/pack.bin"));

/// Decodes the embedded pack. The build validated it, so an error here means a corrupted
/// build; the app shows it instead of panicking.
pub fn load() -> Result<Rc<Pack>, String> {
    postcard::from_bytes(PACK_BYTES).map(Rc::new).map_err(|e| format!("the embedded rule pack cannot be read: {e}"))
}
