//! The rule pack and case library compiled by `build.rs`, embedded as postcard bytes.

use ethics_engine::shipped::ShippedPack;
use ethics_engine::Pack;
use std::rc::Rc;
use std::sync::OnceLock;

static PACK_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/pack.bin"));

/// The pack, decoded once and kept for the life of the page: every evaluation borrows it, so
/// the state can keep one evaluation for the screen instead of redoing it in each component.
static PACK: OnceLock<Result<Pack, String>> = OnceLock::new();

/// Decodes the embedded pack. The build validated it, so an error here means a corrupted
/// build; the app shows it instead of panicking.
pub fn load() -> Result<&'static Pack, String> {
    let decoded = PACK.get_or_init(|| {
        let shipped: ShippedPack = postcard::from_bytes(PACK_BYTES).map_err(|e| format!("the embedded rule pack cannot be read: {e}"))?;
        shipped.join().map_err(|e| format!("the embedded rule pack cannot be read: {e}"))
    });
    decoded.as_ref().map_err(Clone::clone)
}

static CASE_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/cases.bin"));

/// Decodes the embedded case library (for trainer mode). A build without trainer mode has
/// none, so its wasm carries neither the cases nor the screens that show them.
pub fn load_cases() -> Result<Rc<Vec<ethics_engine::library::Case>>, String> {
    if !cfg!(feature = "trainer") {
        return Ok(Rc::new(Vec::new()));
    }
    postcard::from_bytes(CASE_BYTES).map(Rc::new).map_err(|e| format!("the embedded case library cannot be read: {e}"))
}
