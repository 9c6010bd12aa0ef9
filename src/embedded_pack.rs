//! The rule pack and case library compiled by `build.rs`, embedded as postcard bytes.

use ethics_engine::Pack;
use std::rc::Rc;

static PACK_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/pack.bin"));

/// Decodes the embedded pack. The build validated it, so an error here means a corrupted
/// build; the app shows it instead of panicking.
pub fn load() -> Result<Rc<Pack>, String> {
    postcard::from_bytes(PACK_BYTES).map(Rc::new).map_err(|e| format!("the embedded rule pack cannot be read: {e}"))
}

static CASE_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/cases.bin"));

/// Decodes the embedded case library (for trainer mode).
pub fn load_cases() -> Result<Rc<Vec<ethics_engine::library::Case>>, String> {
    postcard::from_bytes(CASE_BYTES).map(Rc::new).map_err(|e| format!("the embedded case library cannot be read: {e}"))
}
