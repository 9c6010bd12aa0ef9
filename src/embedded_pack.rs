//! The rule pack the page gives the app when it starts (bytes in the single file, or
//! `pack.bin` beside the wasm of an embed), and the case library compiled in for trainer mode.
//! One compiled wasm serves any valid pack: a published advisor only changes the bytes.

use ethics_engine::Pack;
use std::rc::Rc;
use std::sync::OnceLock;

/// The pack, decoded once and kept for the life of the page: every evaluation borrows it, so
/// the state can keep one evaluation for the screen instead of redoing it in each component.
static PACK: OnceLock<Result<Pack, String>> = OnceLock::new();

/// Decodes the pack the page gave (see `ethics_engine::shipped::encode`). A page starts the
/// app once; should it give a pack again, the first one stays.
pub fn provide(bytes: &[u8]) -> Result<&'static Pack, String> {
    PACK.get_or_init(|| ethics_engine::shipped::decode(bytes)).as_ref().map_err(Clone::clone)
}

/// The pack the page gave. The build validated it, so an error here means a damaged page or
/// a page that started the app without one; the app shows it instead of panicking.
pub fn load() -> Result<&'static Pack, String> {
    // Unit tests run without a page: they get the pack the build validated.
    #[cfg(test)]
    let _ = provide(include_bytes!(concat!(env!("OUT_DIR"), "/pack.bin")));
    match PACK.get() {
        Some(decoded) => decoded.as_ref().map_err(Clone::clone),
        None => Err("the page started the advisor without its rule pack".into()),
    }
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
