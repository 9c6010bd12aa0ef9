//! What the studio publishes from a valid pack: the single-file advisor, carrying the TOML
//! files it was made from so that the studio can open it again, and the staff embed's files
//! in one zip archive (one download, where five would make the browser ask).

use crate::model::{SourceFile, Workspace};
use ethics_engine::shipped::{self, SourcesError};
use ethics_engine::Pack;
use std::io::Write;

/// What the studio opens with and publishes into, embedded when it was built (`build.rs`).
pub mod defaults {
    include!(concat!(env!("OUT_DIR"), "/defaults.rs"));
}

/// The name the embed's archive is saved under.
pub const EMBED_ARCHIVE: &str = "ethics-advisor-embed.zip";

/// The single-file advisor for a pack, with the files it was made from.
pub fn advisor_page(pack: &Pack, workspace: &Workspace) -> Result<String, String> {
    let page = shipped::into_page(defaults::ADVISOR_PAGE, pack.clone())?;
    let files: Vec<(String, String)> = workspace.files.iter().map(|f| (f.path.clone(), f.text.clone())).collect();
    shipped::with_sources(&page, &files)
}

/// The staff embed for a pack, as a zip archive of its files: `boot.js` pins the new
/// `pack.<language>.bin` files; the app and the stylesheet are those the studio was built with.
pub fn embed_archive(pack: &Pack) -> Result<Vec<u8>, String> {
    let files = shipped::embed_files(defaults::STAFF_BOOT, defaults::STAFF_CSS, pack.clone())?;
    let mut entries: Vec<(&str, &[u8])> = vec![
        ("embed-snippet.html", files.snippet.as_bytes()),
        ("ethics-advisor.css", defaults::STAFF_CSS.as_bytes()),
        ("boot.js", files.boot.as_bytes()),
        (shipped::APP_FILE, defaults::STAFF_APP),
    ];
    entries.extend(files.packs.iter().map(|(name, bytes)| (name.as_str(), bytes.as_slice())));
    archive(&entries)
}

/// A zip archive of named files, deflated.
fn archive(files: &[(&str, &[u8])]) -> Result<Vec<u8>, String> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in files {
        zip.start_file(*name, options).map_err(|e| format!("{name}: {e}"))?;
        zip.write_all(bytes).map_err(|e| format!("{name}: {e}"))?;
    }
    Ok(zip.finish().map_err(|e| e.to_string())?.into_inner())
}

/// The TOML files a page the studio published carries, or why it carries none.
pub fn files_in_page(page: &str) -> Result<Vec<SourceFile>, SourcesError> {
    Ok(shipped::sources_in(page)?.into_iter().map(|(path, text)| SourceFile { path, text }).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn an_archive_holds_each_file_as_it_was() {
        let wasm: Vec<u8> = (0..50_000u32).map(|i| (i % 251) as u8).collect();
        let bytes = archive(&[("boot.js", b"import x;"), ("ethics_advisor_bg.wasm", &wasm)]).unwrap();
        assert!(bytes.len() < wasm.len(), "deflated");
        let mut read = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(read.file_names().collect::<Vec<_>>().len(), 2);
        for (name, expected) in [("boot.js", b"import x;".to_vec()), ("ethics_advisor_bg.wasm", wasm)] {
            let mut file = read.by_name(name).unwrap();
            assert_eq!(file.compression(), zip::CompressionMethod::Deflated);
            let mut got = Vec::new();
            file.read_to_end(&mut got).unwrap();
            assert_eq!(got, expected, "{name}");
        }
    }
}
