//! The pack as the app ships it: its structure, and its texts apart, language by language.
//!
//! Hosted, the wasm travels gzipped, and gzip only finds repetitions within 32 KB. Kept
//! beside each other, a text's English, French and Spanish push the previous use of a
//! phrase in the same language out of reach; laid out one language after another, each
//! language's phrases repeat close by. The structure keeps each text empty, and
//! [`ShippedPack::join`] fills them back in the same order. Reviewers' notes on settings,
//! and their reasons for wording-lint exceptions, are left out: the app never shows them.

use crate::pack::{OptionLabel, Pack, SettingValue};
use crate::text::Text;
use serde::{Deserialize, Serialize};

/// A pack with its texts moved to a table of one column per language.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct ShippedPack {
    /// The pack with every text empty and no reviewer notes.
    pub structure: Pack,
    /// For each language of the pack, its version of every text, in [`texts_mut`] order.
    pub texts: Vec<Vec<String>>,
}

impl ShippedPack {
    /// Moves the texts of a validated pack into the table.
    pub fn split(mut pack: Pack) -> ShippedPack {
        let languages = pack.languages.len();
        let mut texts = vec![Vec::new(); languages];
        for text in texts_mut(&mut pack) {
            let versions = std::mem::take(&mut text.0);
            for (lang, column) in texts.iter_mut().enumerate() {
                column.push(versions.get(lang).cloned().unwrap_or_default());
            }
        }
        for setting in &mut pack.settings {
            setting.note.clear();
        }
        for question in pack.topics.iter_mut().flat_map(|t| &mut t.questions) {
            question.exceptions.clear();
        }
        ShippedPack { structure: pack, texts }
    }

    /// The pack with its texts back in place, or why the table does not fit the structure. A
    /// language whose column is empty was left out (see [`encode_language`]): its texts come
    /// back empty, for another file to fill in later (see [`decode_languages`]).
    pub fn join(self) -> Result<Pack, String> {
        let present = self.languages_present();
        let ShippedPack { mut structure, texts } = self;
        if texts.len() != structure.languages.len() {
            return Err(format!("{} languages, but texts in {}", structure.languages.len(), texts.len()));
        }
        let mut columns: Vec<std::vec::IntoIter<String>> = texts.into_iter().map(Vec::into_iter).collect();
        let slots = texts_mut(&mut structure);
        let expected = slots.len();
        for (index, slot) in slots.into_iter().enumerate() {
            let versions: Option<Vec<String>> = columns.iter_mut().zip(&present).map(|(column, &present)| if present { column.next() } else { Some(String::new()) }).collect();
            slot.0 = versions.ok_or_else(|| format!("the pack has {expected} texts, but a language has only {index}"))?;
        }
        if columns.iter_mut().any(|column| column.next().is_some()) {
            return Err(format!("the pack has {expected} texts, but a language has more"));
        }
        Ok(structure)
    }

    /// Which of the pack's languages this table has the texts of.
    pub fn languages_present(&self) -> Vec<bool> {
        self.texts.iter().map(|column| !column.is_empty()).collect()
    }
}

/// A validated pack as the bytes an advisor page carries (postcard, in the shipped form), every
/// language in: what a single-file advisor starts from.
pub fn encode(pack: Pack) -> Vec<u8> {
    postcard::to_allocvec(&ShippedPack::split(pack)).expect("a pack always serializes: it has no maps with non-string keys")
}

/// A validated pack with the texts of one of its languages only (an index into its
/// languages): what an embed's `pack.<language>.bin` holds, so that a visit loads the texts of
/// its own language, and another language's file only if the user switches to it.
pub fn encode_language(pack: Pack, lang: usize) -> Vec<u8> {
    let mut shipped = ShippedPack::split(pack);
    for (index, column) in shipped.texts.iter_mut().enumerate() {
        if index != lang {
            column.clear();
        }
    }
    postcard::to_allocvec(&shipped).expect("a pack always serializes: it has no maps with non-string keys")
}

/// The pack that [`encode`] (or [`encode_language`]) wrote, or why these bytes are not one.
pub fn decode(bytes: &[u8]) -> Result<Pack, String> {
    decode_languages(&[bytes]).map(|(pack, _)| pack)
}

/// The pack that files of [`encode_language`] (or [`encode`]) hold together, each bringing its
/// languages' texts, and for each of the pack's languages whether they brought its texts; or
/// why these files are not one pack. The files are read afresh rather than texts copied from
/// a pack already read: the app then needs no code to copy a whole pack.
pub fn decode_languages(files: &[&[u8]]) -> Result<(Pack, Vec<bool>), String> {
    let unreadable = |e: &dyn std::fmt::Display| format!("the rule pack cannot be read: {e}");
    let mut shipped: Option<ShippedPack> = None;
    for bytes in files {
        let file: ShippedPack = crate::wire::from_bytes(bytes).map_err(|e| unreadable(&e))?;
        match &mut shipped {
            None => shipped = Some(file),
            Some(whole) => {
                if file.texts.len() != whole.texts.len() {
                    return Err(unreadable(&"its files are not of the same pack"));
                }
                for (column, theirs) in whole.texts.iter_mut().zip(file.texts) {
                    if column.is_empty() {
                        *column = theirs;
                    }
                }
            }
        }
    }
    let shipped = shipped.ok_or_else(|| unreadable(&"no file"))?;
    let present = shipped.languages_present();
    Ok((shipped.join().map_err(|e| unreadable(&e))?, present))
}

/// Where the single-file advisor page holds its pack: data blocks
/// (`<script type="application/octet-stream">`, which no browser runs, so the page's CSP and
/// the hash of its script do not depend on the pack) that the page's script reads.
pub const PAGE_PACK_PLACEHOLDER: &str = "{{PACK}}";

/// The id of the data block holding the pack with one language's texts, before the
/// language's code: `ethics-advisor-pack-fr`.
pub const PAGE_PACK_ID: &str = "ethics-advisor-pack";

/// A single-file advisor page for `pack`, from the build's page with its pack left out: in
/// place of [`PAGE_PACK_PLACEHOLDER`], one data block per language, in the pack's order, each
/// the pack with that language's texts ([`encode_language`], as an embed's
/// `pack.<language>.bin`), deflated (zlib; the page inflates it with the browser's
/// `DecompressionStream`) and written as [`crate::page_text`]. The page starts from the
/// language it shows first and reads another block only when the user switches to it: a
/// third of the texts to inflate and decode at start-up. Both the build and the studio
/// publish through this.
#[cfg(feature = "publish")]
pub fn into_page(template: &str, pack: Pack) -> Result<String, String> {
    if template.matches(PAGE_PACK_PLACEHOLDER).count() != 1 {
        return Err(format!("the advisor page has no single {PAGE_PACK_PLACEHOLDER} where its pack goes"));
    }
    let blocks: Vec<String> = deflated_languages(&pack)
        .into_iter()
        .map(|(code, bytes)| format!("<script type=\"application/octet-stream\" id=\"{PAGE_PACK_ID}-{code}\">{}</script>", crate::page_text::encode(&bytes)))
        .collect();
    Ok(template.replacen(PAGE_PACK_PLACEHOLDER, &blocks.join("\n"), 1))
}

/// For each of the pack's languages, in its order, its code and the pack with that language's
/// texts only ([`encode_language`]), deflated: an embed's `pack.<code>.bin`, a single file's
/// data block. Codes are letters only (the pack's validation), so a file's name or a block's
/// id needs no escaping.
#[cfg(feature = "publish")]
fn deflated_languages(pack: &Pack) -> Vec<(&str, Vec<u8>)> {
    (0..pack.languages.len()).map(|lang| (pack.languages[lang].as_str(), deflated(&encode_language(pack.clone(), lang)))).collect()
}

/// Bytes as a page's data block carries them: deflated (zlib), then as [`crate::page_text`].
#[cfg(feature = "publish")]
fn deflated_text(bytes: &[u8]) -> String {
    crate::page_text::encode(&deflated(bytes))
}

/// Bytes deflated (zlib), as the browser's `DecompressionStream('deflate')` inflates them.
/// With the `smallest` feature (the build's), by Zopfli: about 5% smaller than the best of
/// ordinary deflate, and under a second for the largest file, the trainer's wasm. Without
/// it (the studio, which deflates in the browser at every change of its preview), by
/// miniz_oxide at its highest level, in milliseconds.
#[cfg(feature = "publish")]
pub fn deflated(bytes: &[u8]) -> Vec<u8> {
    #[cfg(feature = "smallest")]
    {
        let mut out = Vec::with_capacity(bytes.len() / 2);
        // Five iterations: the default fifteen give the same size to within 0.1%, in half as long
        // again. As many blocks as pay (the default stops at 15): 0.2% smaller for the wasm.
        let options = zopfli::Options {
            iteration_count: std::num::NonZeroU64::new(5).expect("5 is not zero"),
            maximum_block_splits: u16::MAX,
            ..zopfli::Options::default()
        };
        zopfli::compress(options, zopfli::Format::Zlib, bytes, &mut out).expect("writing to a Vec cannot fail");
        out
    }
    #[cfg(not(feature = "smallest"))]
    deflated_quickly(bytes)
}

/// Bytes deflated (zlib) by miniz_oxide at its highest level: in milliseconds, where
/// [`deflated`] may take seconds (the edit loop's unoptimized wasm).
#[cfg(feature = "publish")]
pub fn deflated_quickly(bytes: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(bytes, 10)
}

/// The id of the data block in which an advisor page the studio published keeps the TOML
/// files it was made from, comments and all, so that the studio can open it again. The
/// build's pages do not carry one: their users never need the files.
pub const PAGE_SOURCES_ID: &str = "ethics-advisor-sources";

/// Why an advisor page gives no TOML files back.
#[derive(Clone, Debug, PartialEq)]
pub enum SourcesError {
    /// The page is not an advisor page at all.
    NotAnAdvisor,
    /// An advisor page without its files: one the build made, not the studio.
    NotFromTheStudio,
    /// The files' block is there but cannot be read (the page was changed by hand?).
    Damaged(String),
}

/// The page with the TOML files (path under `rules/`, text) it was made from, in a data block
/// (deflated, then as [`crate::page_text`]) before `</body>`.
#[cfg(feature = "publish")]
pub fn with_sources(page: &str, files: &[(String, String)]) -> Result<String, String> {
    let at = page.rfind("</body>").ok_or("the advisor page has no </body> to put its files before")?;
    let block = deflated_text(&postcard::to_allocvec(files).expect("strings always serialize"));
    Ok(format!("{}<script type=\"application/octet-stream\" id=\"{PAGE_SOURCES_ID}\">{block}</script>\n{}", &page[..at], &page[at..]))
}

/// The TOML files a page published by the studio carries (see [`with_sources`]).
#[cfg(feature = "publish")]
pub fn sources_in(page: &str) -> Result<Vec<(String, String)>, SourcesError> {
    let opening = format!("id=\"{PAGE_SOURCES_ID}\">");
    let Some(start) = page.find(&opening).map(|at| at + opening.len()) else {
        return Err(if page.contains(&format!("id=\"{PAGE_PACK_ID}")) { SourcesError::NotFromTheStudio } else { SourcesError::NotAnAdvisor });
    };
    let block = page[start..].split("</script>").next().unwrap_or_default();
    let damaged = |e: &dyn std::fmt::Display| SourcesError::Damaged(e.to_string());
    let deflated = crate::page_text::decode(block).map_err(|e| damaged(&e))?;
    let bytes = miniz_oxide::inflate::decompress_to_vec_zlib(&deflated).map_err(|e| damaged(&e))?;
    postcard::from_bytes(&bytes).map_err(|e| damaged(&e))
}

/// Where an embed's `boot.js` pins its rule pack: the place of the table of its languages,
/// each with the integrity of its `pack.<language>.bin` (a JavaScript object literal).
pub const BOOT_PACK_INTEGRITY_PLACEHOLDER: &str = "{PACK_INTEGRITY}";

/// The file of an embed that holds the app: its wasm, deflated (zlib), which `boot.js` inflates.
pub const APP_FILE: &str = "ethics-advisor.bin";

/// The files of an embed that depend on its pack (the app and the stylesheet do not).
#[cfg(feature = "publish")]
pub struct EmbedFiles {
    /// `boot.js`, pinning each `pack.<language>.bin` by its hash.
    pub boot: String,
    /// For each language of the pack, in its order: the file's name, `pack.<language>.bin`,
    /// and its bytes ([`encode_language`], [`deflated`]: `boot.js` inflates them).
    pub packs: Vec<(String, Vec<u8>)>,
    /// `embed-snippet.html`, pinning the stylesheet and `boot.js`.
    pub snippet: String,
}

/// An embed's files for `pack`, from the build's `boot.js` with its packs' integrity left out
/// ([`BOOT_PACK_INTEGRITY_PLACEHOLDER`]) and the embed's stylesheet. Both the build and the
/// studio publish through this.
#[cfg(feature = "publish")]
pub fn embed_files(boot_template: &str, css: &str, pack: Pack) -> Result<EmbedFiles, String> {
    if boot_template.matches(BOOT_PACK_INTEGRITY_PLACEHOLDER).count() != 1 {
        return Err(format!("the embed's boot.js has no single {BOOT_PACK_INTEGRITY_PLACEHOLDER} where its pack's hash goes"));
    }
    let packs: Vec<(String, Vec<u8>)> = deflated_languages(&pack).into_iter().map(|(code, bytes)| (format!("pack.{code}.bin"), bytes)).collect();
    let table = pack.languages.iter().zip(&packs).map(|(lang, (_, bytes))| format!("{}: '{}'", lang.as_str(), subresource_integrity(bytes))).collect::<Vec<_>>().join(", ");
    let boot = boot_template.replacen(BOOT_PACK_INTEGRITY_PLACEHOLDER, &format!("{{ {table} }}"), 1);
    let snippet = embed_snippet(css.as_bytes(), boot.as_bytes());
    Ok(EmbedFiles { boot, packs, snippet })
}

/// The `integrity` value of a file: its SHA-384, as Subresource Integrity writes it.
#[cfg(feature = "publish")]
pub fn subresource_integrity(bytes: &[u8]) -> String {
    use base64::Engine;
    use sha2::Digest;
    format!("sha384-{}", base64::engine::general_purpose::STANDARD.encode(sha2::Sha384::digest(bytes)))
}

/// The HTML an intranet page pastes to embed the advisor (README, "Embedding").
#[cfg(feature = "publish")]
pub fn embed_snippet(css: &[u8], boot: &[u8]) -> String {
    format!(
        "<!-- The ethics advisor. Keep ethics-advisor.css, boot.js, {APP_FILE} and the pack.<language>.bin files beside this page; \
         the integrity values pin them, so a changed file is refused. -->\n\
         <link rel=\"stylesheet\" href=\"ethics-advisor.css\" integrity=\"{}\" crossorigin=\"anonymous\">\n\
         <div id=\"ethics-advisor\" data-lang=\"en\"></div>\n\
         <script type=\"module\" src=\"boot.js\" integrity=\"{}\" crossorigin=\"anonymous\"></script>\n",
        subresource_integrity(css),
        subresource_integrity(boot)
    )
}

/// Every text of a pack, each once, in one fixed order.
fn texts_mut(pack: &mut Pack) -> Vec<&mut Text> {
    let mut texts = Vec::new();
    for setting in &mut pack.settings {
        if let SettingValue::Text(text) = &mut setting.value {
            texts.push(text);
        }
    }
    for outcome in &mut pack.outcomes {
        texts.extend([&mut outcome.title, &mut outcome.summary]);
        texts.extend(&mut outcome.steps);
    }
    for principle in &mut pack.principles {
        texts.extend([&mut principle.name, &mut principle.says]);
    }
    texts.extend(pack.sources.iter_mut().map(|source| &mut source.cite));
    for topic in &mut pack.topics {
        texts.extend([&mut topic.title, &mut topic.heading, &mut topic.summary]);
        texts.extend(topic.outcome_steps.iter_mut().map(|(_, text)| text));
        for question in &mut topic.questions {
            texts.push(&mut question.ask);
            texts.extend(&mut question.hint);
            for option in &mut question.options {
                if let OptionLabel::Pack { label, hint } = &mut option.label {
                    texts.push(label);
                    texts.extend(hint);
                }
            }
            for rule in &mut question.rules {
                texts.push(&mut rule.says);
                texts.extend(&mut rule.steps);
            }
        }
    }
    texts
}
