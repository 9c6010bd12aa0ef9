//! The shipped form of the pack: texts apart, language by language, and back.

mod common;

use ethics_engine::shipped::ShippedPack;

fn fixture_pack() -> ethics_engine::Pack {
    common::fixture().clone()
}

#[test]
fn the_pack_comes_back_whole_but_for_reviewer_notes_and_exceptions() {
    let pack = fixture_pack();
    let shipped = ShippedPack::split(pack.clone());
    assert_eq!(shipped.texts.len(), pack.languages.len());
    assert!(!format!("{:?}", shipped.structure).contains("Text([\""), "every text has moved to the table");
    assert!(shipped.texts.iter().all(|column| column.len() == shipped.texts[0].len()));
    assert!(shipped.structure.settings.iter().all(|s| s.note.is_empty()));
    // Through the bytes an advisor page carries.
    let decoded = ethics_engine::shipped::decode(&ethics_engine::shipped::encode(pack.clone()));
    let mut expected = pack;
    expected.settings.iter_mut().for_each(|s| s.note.clear());
    assert!(expected.topics.iter().flat_map(|t| &t.questions).any(|q| !q.exceptions.is_empty()), "the pack has a lint exception");
    expected.topics.iter_mut().flat_map(|t| &mut t.questions).for_each(|q| q.exceptions.clear());
    assert_eq!(decoded, Ok(expected));
}

/// An embed's file for one language holds that language's texts only; read with another
/// language's file, the pack is whole, as if every language had come at once.
#[test]
fn a_pack_comes_one_language_at_a_time_and_is_whole_once_each_has_come() {
    use ethics_engine::shipped::{decode, decode_languages, encode, encode_language};
    let pack = fixture_pack();
    let whole = decode(&encode(pack.clone())).unwrap();
    let (en, fr) = (encode_language(pack.clone(), 0), encode_language(pack.clone(), 1));
    assert!(en.len() < encode(pack.clone()).len(), "smaller than every language at once");
    let (english, present) = decode_languages(&[&en]).unwrap();
    assert_eq!(present, [true, false]);
    let title = |p: &ethics_engine::Pack| p.topics[0].title.0.clone();
    assert_eq!(title(&english), [title(&whole)[0].clone(), String::new()], "the French texts are left empty");
    assert_eq!(decode_languages(&[&fr]).map(|(_, present)| present), Ok(vec![false, true]));
    assert_eq!(decode_languages(&[&en, &fr]), Ok((whole.clone(), vec![true, true])));
    assert_eq!(decode_languages(&[&fr, &en]), Ok((whole.clone(), vec![true, true])), "in either order");
    assert_eq!(decode_languages(&[&encode(pack.clone())]).map(|(_, present)| present), Ok(vec![true, true]));

    let mut other = pack.clone();
    other.languages.pop();
    let one_language = encode_language(other, 0);
    assert_eq!(decode_languages(&[&en, &one_language]), Err("the rule pack cannot be read: its files are not of the same pack".into()));
    assert_eq!(decode_languages(&[]), Err("the rule pack cannot be read: no file".into()));
}

#[test]
fn bytes_that_are_no_pack_are_refused_with_a_reason() {
    let bytes = ethics_engine::shipped::encode(fixture_pack());
    for broken in [&b""[..], &b"not a pack"[..], &bytes[..bytes.len() / 2]] {
        let error = ethics_engine::shipped::decode(broken).unwrap_err();
        assert!(error.starts_with("the rule pack cannot be read: "), "{error}");
    }
}

#[test]
fn the_texts_are_laid_out_one_language_after_another() {
    let shipped = ShippedPack::split(fixture_pack());
    let french = shipped.texts[1].join(" ");
    assert!(french.contains("fournisseur"), "the second column is French");
    assert!(!shipped.texts[0].join(" ").contains("fournisseur"), "the first column is English only");
    let bytes = postcard::to_allocvec(&shipped).unwrap();
    let english_ends = bytes.windows(8).rposition(|w| w == b"supplier").unwrap();
    let french_starts = bytes.windows(11).position(|w| w == b"fournisseur").unwrap();
    assert!(english_ends < french_starts, "English comes before French in the bytes");
}

#[test]
fn a_table_that_does_not_fit_the_structure_is_refused() {
    let shipped = ShippedPack::split(fixture_pack());
    let count = shipped.texts[0].len();

    let mut short = ShippedPack::split(fixture_pack());
    short.texts[1].pop();
    assert_eq!(short.join(), Err(format!("the pack has {count} texts, but a language has only {}", count - 1)));

    let mut long = ShippedPack::split(fixture_pack());
    long.texts[1].push("de trop".into());
    assert_eq!(long.join(), Err(format!("the pack has {count} texts, but a language has more")));

    let mut missing = shipped;
    missing.texts.pop();
    assert_eq!(missing.join(), Err("2 languages, but texts in 1".into()));
}

/// A pack written into an advisor page in place of its one placeholder: one data block per
/// language, in the pack's order, each the pack with that language's texts (as an embed's
/// file), deflated, as data-block text; together, back the same pack.
#[cfg(feature = "publish")]
#[test]
fn a_pack_goes_into_an_advisor_page_one_block_a_language_and_comes_back() {
    use ethics_engine::shipped::{decode, decode_languages, encode, encode_language, into_page, PAGE_PACK_PLACEHOLDER};
    let pack = fixture_pack();
    let codes: Vec<&str> = pack.languages.iter().map(|l| l.as_str()).collect();
    assert!(codes.len() > 1, "the fixture has several languages: {codes:?}");
    let page = into_page(&format!("<html>{PAGE_PACK_PLACEHOLDER}</html>"), pack.clone()).unwrap();
    // A block's text may hold line breaks, never "</script>" (nor "<").
    let blocks: Vec<&str> = page.strip_prefix("<html>").and_then(|p| p.strip_suffix("</script></html>")).unwrap().split("</script>\n").collect();
    assert_eq!(blocks.len(), codes.len(), "{page}");
    let mut files = Vec::new();
    for (lang, (block, code)) in blocks.iter().zip(&codes).enumerate() {
        let opening = format!("<script type=\"application/octet-stream\" id=\"ethics-advisor-pack-{code}\">");
        let inside = block.strip_prefix(&opening).unwrap_or_else(|| panic!("block {lang}: {block}"));
        assert!(!inside.contains(['\0', '\r', '<']), "nothing the HTML parser would change or end the block with");
        let deflated = ethics_engine::page_text::decode(inside).unwrap();
        let bytes = miniz_oxide::inflate::decompress_to_vec_zlib(&deflated).unwrap();
        assert_eq!(bytes, encode_language(pack.clone(), lang));
        let (_, present) = decode_languages(&[&bytes]).unwrap();
        assert_eq!(present.iter().filter(|&&p| p).count(), 1, "block {code} has its own language's texts only");
        assert!(present[lang]);
        files.push(bytes);
    }
    let files: Vec<&[u8]> = files.iter().map(Vec::as_slice).collect();
    assert_eq!(decode_languages(&files), Ok((decode(&encode(pack.clone())).unwrap(), vec![true; codes.len()])), "the blocks together are the whole pack");
    for broken in ["<html></html>".to_owned(), format!("{PAGE_PACK_PLACEHOLDER}{PAGE_PACK_PLACEHOLDER}")] {
        assert_eq!(into_page(&broken, fixture_pack()), Err("the advisor page has no single {{PACK}} where its pack goes".into()));
    }
}

/// A page the studio published before data blocks were ASCII (an awkward group and the next
/// as one character of U+0080–U+01FF, a comma after the count) still gives its files back.
#[cfg(feature = "publish")]
#[test]
fn a_page_published_in_the_first_writing_still_gives_its_files_back() {
    let block = "31,\u{1b6}L>!5\u{1c}-\u{14}r9DY?,+dsyV\u{c}\u{1dc}H&3Qn(\u{8}\u{dc}yAz ";
    let page = format!("<html><body><script type=\"application/octet-stream\" id=\"ethics-advisor-sources\">{block}</script>\n</body></html>");
    assert_eq!(ethics_engine::shipped::sources_in(&page), Ok(vec![("settings.toml".to_owned(), "[pack]\n".to_owned())]));
}

/// A page the studio publishes carries the TOML files it was made from, which come back as
/// they went; a page without them says whether it is an advisor at all.
#[cfg(feature = "publish")]
#[test]
fn a_studio_page_keeps_its_files_and_gives_them_back() {
    use ethics_engine::shipped::{sources_in, with_sources, SourcesError};
    let files = vec![("settings.toml".to_owned(), "# Settings — « é » </script>?\n[pack]\n".to_owned()), ("topics/1_gifts.toml".to_owned(), "[topic]\nid = \"gifts\"\n".to_owned())];
    let advisor = "<html><body><script type=\"application/octet-stream\" id=\"ethics-advisor-pack\">eJ</script>\n</body></html>";
    let page = with_sources(advisor, &files).unwrap();
    assert!(page.starts_with("<html><body><script type=\"application/octet-stream\" id=\"ethics-advisor-pack\">eJ</script>\n<script type=\"application/octet-stream\" id=\"ethics-advisor-sources\">"), "{page}");
    assert!(page.ends_with("</script>\n</body></html>"));
    assert_eq!(page.matches("</script>").count(), 2, "a closing tag in a file's text is deflated and written as data-block text, never as such");
    assert_eq!(sources_in(&page), Ok(files.clone()));

    assert_eq!(sources_in(advisor), Err(SourcesError::NotFromTheStudio));
    let one_block_a_language = "<html><body><script type=\"application/octet-stream\" id=\"ethics-advisor-pack-en\">eJ</script>\n</body></html>";
    assert_eq!(sources_in(one_block_a_language), Err(SourcesError::NotFromTheStudio));
    assert_eq!(sources_in("<html><body>A page</body></html>"), Err(SourcesError::NotAnAdvisor));
    let damaged = page.replace("id=\"ethics-advisor-sources\">", "id=\"ethics-advisor-sources\">!!");
    assert!(matches!(sources_in(&damaged), Err(SourcesError::Damaged(_))));
    assert_eq!(with_sources("<html></html>", &files), Err("the advisor page has no </body> to put its files before".into()));
}

/// An embed's files for a pack: one deflated file per language, which `boot.js` pins by its
/// SHA-384, and the snippet pins the stylesheet and `boot.js`.
#[cfg(feature = "publish")]
#[test]
fn an_embed_pins_its_pack_and_the_snippet_pins_the_rest() {
    use ethics_engine::shipped::{embed_files, encode_language, subresource_integrity, BOOT_PACK_INTEGRITY_PLACEHOLDER};
    // SHA-384 of "abc", from FIPS 180-2.
    assert_eq!(subresource_integrity(b"abc"), "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn");
    let template = format!("const PACKS = {BOOT_PACK_INTEGRITY_PLACEHOLDER};");
    let files = embed_files(&template, ".ethics-advisor {}", fixture_pack()).unwrap();
    let inflated = |bytes: &[u8]| miniz_oxide::inflate::decompress_to_vec_zlib(bytes).expect("each file is deflated (zlib), as DecompressionStream('deflate') reads");
    let names: Vec<&str> = files.packs.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(names, ["pack.en.bin", "pack.fr.bin"]);
    assert_eq!(inflated(&files.packs[0].1), encode_language(fixture_pack(), 0));
    assert_eq!(inflated(&files.packs[1].1), encode_language(fixture_pack(), 1));
    let (en, fr) = (&files.packs[0].1, &files.packs[1].1);
    assert_eq!(files.boot, format!("const PACKS = {{ en: '{}', fr: '{}' }};", subresource_integrity(en), subresource_integrity(fr)), "each file pinned as it travels, deflated");
    assert!(files.snippet.contains(&format!("<link rel=\"stylesheet\" href=\"ethics-advisor.css\" integrity=\"{}\" crossorigin=\"anonymous\">", subresource_integrity(b".ethics-advisor {}"))), "{}", files.snippet);
    assert!(files.snippet.contains(&format!("<script type=\"module\" src=\"boot.js\" integrity=\"{}\" crossorigin=\"anonymous\"></script>", subresource_integrity(files.boot.as_bytes()))), "{}", files.snippet);
    assert!(files.snippet.contains("<div id=\"ethics-advisor\" data-lang=\"en\"></div>"));
    let error = embed_files("no placeholder", "", fixture_pack()).err().unwrap();
    assert_eq!(error, "the embed's boot.js has no single {PACK_INTEGRITY} where its pack's hash goes");
}

/// The app reads the build's postcard bytes with `wire`, not serde: every kind of question,
/// setting, rule and lint exception of the fixture, and its cases, come back as postcard
/// reads them.
#[test]
fn wire_reads_what_postcard_wrote() {
    use ethics_engine::wire::from_bytes;
    let pack = fixture_pack();
    assert!(pack.topics.iter().flat_map(|t| &t.questions).any(|q| !q.exceptions.is_empty()), "the fixture has a lint exception");
    assert_eq!(from_bytes(&postcard::to_allocvec(&pack).unwrap()), Ok(pack.clone()));
    let shipped = ShippedPack::split(pack.clone());
    assert_eq!(from_bytes(&postcard::to_allocvec(&shipped).unwrap()), Ok(shipped));
    let file = "[[case]]\nid = \"a\"\ntopic = \"loans\"\nstory.en = \"s\"\nanswers = { lender = \"supplier\" }\nexpect = \"no\"\nalso = [\"report\"]\n";
    let cases = ethics_engine::cases::parse(&pack, "c.toml", file).unwrap();
    assert_eq!(from_bytes(&postcard::to_allocvec(&cases).unwrap()), Ok(cases));
}

/// Every kind of setting value, and an answer of each kind, whichever the fixture has.
#[test]
fn wire_reads_every_variant_postcard_wrote() {
    use ethics_engine::{Amount, Answer, SettingValue, Text};
    let values = vec![
        SettingValue::Amount(Amount(12_345)),
        SettingValue::Number(-7),
        SettingValue::Text(Text(vec!["a".into(), "b".into()])),
        SettingValue::Email("eco@example.org".into()),
        SettingValue::Url("https://example.org".into()),
        SettingValue::Flag(true),
    ];
    assert_eq!(ethics_engine::wire::from_bytes(&postcard::to_allocvec(&values).unwrap()), Ok(values));
    let answers = vec![Answer::Choice("yes".into()), Answer::Amount(Amount(u64::MAX))];
    assert_eq!(ethics_engine::wire::from_bytes(&postcard::to_allocvec(&answers).unwrap()), Ok(answers));
}
