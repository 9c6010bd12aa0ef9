//! The rule pack the page gives the app when it starts (bytes in the single file, or an
//! embed's `pack.<language>.bin` beside the wasm), the languages it has the texts of so far,
//! and the case library compiled in for trainer mode. One compiled wasm serves any valid pack:
//! a published advisor only changes the bytes.
//!
//! An embed gives the texts of one language at first; the page's script also gives a loader
//! that fetches another language's file (from the page's own folder, pinned by its hash, the
//! request naming nothing but the language). The app asks for it when the user switches.

use ethics_engine::Pack;
use std::cell::RefCell;
use std::rc::Rc;

/// The pack as the page has given it so far, which of its languages it has the texts of, and
/// the files it came in (read again with each new language's file).
struct Given {
    pack: &'static Pack,
    languages: Vec<bool>,
    files: Vec<Vec<u8>>,
}

thread_local! {
    /// Each version of the pack lives as long as the page (at most one more per language):
    /// every evaluation borrows it, so the state can keep one evaluation for the screen
    /// instead of redoing it in each component.
    static GIVEN: RefCell<Option<Result<Given, String>>> = const { RefCell::new(None) };
    /// The page's loader of a language's texts: `(code) => Promise<Uint8Array>`.
    static LOADER: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// Decodes the pack the page gave (see `ethics_engine::shipped::encode`), with the page's
/// loader of further languages if it has one. A page starts the app once; should it give a
/// pack again, the first one stays.
pub fn provide(bytes: &[u8], loader: Option<js_sys::Function>) -> Result<&'static Pack, String> {
    GIVEN.with(|given| {
        let mut given = given.borrow_mut();
        if given.is_none() {
            let files = vec![bytes.to_vec()];
            *given = Some(ethics_engine::shipped::decode_languages(&[bytes]).map(|(pack, languages)| Given { pack: Box::leak(Box::new(pack)), languages, files }));
            LOADER.with(|l| *l.borrow_mut() = loader);
        }
        current(&given)
    })
}

/// The pack as given so far, or why there is none.
fn current(given: &Option<Result<Given, String>>) -> Result<&'static Pack, String> {
    match given {
        Some(Ok(given)) => Ok(given.pack),
        Some(Err(error)) => Err(error.clone()),
        None => Err("the page started the advisor without its rule pack".into()),
    }
}

/// The pack the page gave, with every language that has come so far. The build validated it,
/// so an error here means a damaged page or a page that started the app without one; the app
/// shows it instead of panicking.
pub fn load() -> Result<&'static Pack, String> {
    // Unit tests run without a page: they get the pack the build validated.
    #[cfg(test)]
    let _ = provide(include_bytes!(concat!(env!("OUT_DIR"), "/pack.bin")), None);
    GIVEN.with(|given| current(&given.borrow()))
}

/// Whether the pack has the texts of this language (an index into its languages).
pub fn has_language(lang: usize) -> bool {
    GIVEN.with(|given| matches!(&*given.borrow(), Some(Ok(given)) if given.languages.get(lang) == Some(&true)))
}

/// The pack with the texts of this language too: at once if it has them, or else once the
/// page's loader has brought them. Fails, saying why, when the page has no loader, the file
/// does not come (offline, or changed since the build), or it is not this pack's.
pub async fn with_language(lang: usize) -> Result<&'static Pack, String> {
    let pack = load()?;
    if has_language(lang) {
        return Ok(pack);
    }
    let code = pack.languages.get(lang).ok_or_else(|| format!("the rule pack has no language number {lang}"))?.as_str();
    let loader = LOADER.with(|l| l.borrow().clone()).ok_or_else(|| format!("the page gave no way to load the {code} texts"))?;
    let promise = loader.call1(&wasm_bindgen::JsValue::NULL, &code.into()).map_err(|_| format!("the {code} texts could not be asked for"))?;
    let bytes = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&promise)).await.map_err(|_| format!("the {code} texts did not arrive"))?;
    let bytes = js_sys::Uint8Array::new(&bytes).to_vec();
    GIVEN.with(|given| {
        let mut given = given.borrow_mut();
        let Some(Ok(current)) = given.as_mut() else { return Err("the rule pack is gone".to_owned()) };
        // Another switch may have brought it meanwhile.
        if current.languages.get(lang) != Some(&true) {
            let files: Vec<&[u8]> = current.files.iter().map(Vec::as_slice).chain([bytes.as_slice()]).collect();
            let (pack, languages) = ethics_engine::shipped::decode_languages(&files)?;
            if languages.get(lang) != Some(&true) {
                return Err(format!("the {code} file has no {code} texts"));
            }
            current.pack = Box::leak(Box::new(pack));
            current.languages = languages;
            current.files.push(bytes);
        }
        Ok(current.pack)
    })
}

static CASE_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/cases.bin"));

/// Decodes the embedded case library (for trainer mode). A build without trainer mode has
/// none, so its wasm carries neither the cases nor the screens that show them.
pub fn load_cases() -> Result<Rc<Vec<ethics_engine::library::Case>>, String> {
    if !cfg!(feature = "trainer") {
        return Ok(Rc::new(Vec::new()));
    }
    ethics_engine::wire::from_bytes(CASE_BYTES).map(Rc::new).map_err(|e| format!("the embedded case library cannot be read: {e}"))
}

#[cfg(test)]
mod tests {
    /// The app reads the build's bytes with `ethics_engine::wire`, not serde: it must read the
    /// real pack and case library exactly as postcard, which wrote them, does.
    #[test]
    fn the_pack_and_the_case_library_read_as_postcard_reads_them() {
        let pack: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/pack.bin"));
        let by_postcard: ethics_engine::shipped::ShippedPack = postcard::from_bytes(pack).unwrap();
        assert_eq!(ethics_engine::wire::from_bytes(pack), Ok(by_postcard));
        let by_postcard: Vec<ethics_engine::library::Case> = postcard::from_bytes(super::CASE_BYTES).unwrap();
        assert!(by_postcard.len() > 100, "the whole library: {} cases", by_postcard.len());
        assert_eq!(ethics_engine::wire::from_bytes(super::CASE_BYTES), Ok(by_postcard));
    }
}
