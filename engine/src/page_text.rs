//! Bytes as text that a page's data block (`<script type="application/octet-stream">`) holds
//! unchanged, seven bits to a character: about 8/7 of the bytes' size where base64 takes 4/3.
//!
//! The bits are read seven at a time, first bit first, and each group becomes the ASCII
//! character of its value. Three values would not come back as written from a data block —
//! NUL (the HTML parser makes it U+FFFD), CR (made LF) and `<` (which may close the block) —
//! so such a group, and DEL, which marks them, become DEL and a digit: `0` NUL, `1` CR, `2`
//! `<`, `3` DEL. Every character is ASCII, which keeps the browser's copy of the page and of
//! the block in one byte a character (with one character above U+00FF, Chromium parses a
//! page's text as two bytes a character, measured slower). The text starts with the number of
//! bytes and a semicolon, so the last group's padding is never read as a byte, and a block
//! cut short is told from a whole one.
//!
//! Pages published before wrote a comma after the count and each awkward group with the
//! group after it as one character of U+0080–U+01FF, `(which + 1) << 7 | next`; [`decode`]
//! still reads them, so that the studio opens an advisor published then.
//!
//! The pages decode it with a loop of a few lines of WebAssembly (`xtask/src/page_text.wat`);
//! no browser has a decoder built in for anything denser than base64. `docs/size-and-startup.md`
//! (step 9) has what it saves and costs, measured.

/// The group values a data block cannot hold as themselves, in the order of their digits after
/// [`MARK`]: NUL, CR, `<`, and the mark itself.
const MARKED: [u8; 4] = [0x00, 0x0D, b'<', MARK];

/// The character before the digit of a [`MARKED`] value: DEL.
const MARK: u8 = 0x7F;

/// `bytes` as data-block text.
pub fn encode(bytes: &[u8]) -> String {
    let mut text = format!("{};", bytes.len());
    let mut put = |group: u8| match MARKED.iter().position(|&m| m == group) {
        None => text.push(char::from(group)),
        Some(digit) => {
            text.push(char::from(MARK));
            text.push(char::from(b'0' + digit as u8));
        }
    };
    let (mut bits, mut count) = (0u32, 0u32);
    for &byte in bytes {
        bits = (bits << 8 | u32::from(byte)) & 0x7FFF;
        count += 8;
        while count >= 7 {
            count -= 7;
            put((bits >> count) as u8 & 0x7F);
        }
    }
    if count > 0 {
        put((bits << (7 - count)) as u8 & 0x7F);
    }
    text
}

/// The bytes [`encode`] wrote (or the first writing, before it), or why `text` is not such a
/// text.
pub fn decode(text: &str) -> Result<Vec<u8>, String> {
    let at = text.find([';', ',']).ok_or("no byte count before a semicolon")?;
    let (length, marked, body) = (&text[..at], text[at..].starts_with(';'), &text[at + 1..]);
    let length: usize = length.parse().map_err(|_| format!("the byte count {length:?} is not a number"))?;
    let mut bytes = Vec::with_capacity(length);
    let (mut bits, mut count) = (0u32, 0u32);
    let mut push = |group: u32, bytes: &mut Vec<u8>| {
        bits = (bits << 7 | group) & 0x7FFF;
        count += 7;
        if count >= 8 {
            count -= 8;
            bytes.push((bits >> count) as u8);
        }
    };
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if bytes.len() >= length {
            break;
        }
        match (marked, u32::from(c)) {
            (true, mark) if mark == u32::from(MARK) => match chars.next().and_then(|d| d.to_digit(10)).and_then(|d| MARKED.get(d as usize)) {
                Some(&group) => push(u32::from(group), &mut bytes),
                None => return Err("DEL not followed by the digit of a marked value".into()),
            },
            (_, ascii @ 0..=0x7F) => push(ascii, &mut bytes),
            (false, pair @ 0x80..=0x1FF) => {
                // The first writing paired NUL, CR and `<` (`which` 0 to 2), the marked values but DEL.
                push(u32::from(MARKED[(pair >> 7) as usize - 1]), &mut bytes);
                push(pair & 0x7F, &mut bytes);
            }
            (_, other) => return Err(format!("U+{other:04X} is not a character this text uses")),
        }
    }
    if bytes.len() < length {
        return Err(format!("{} bytes where the text says {length}: it was cut short", bytes.len()));
    }
    bytes.truncate(length);
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seven_bits_to_a_character() {
        assert_eq!(encode(b""), "0;");
        // 0x41 = 0100_0001: groups 0100000 (0x20, a space) and 1 padded to 1000000 (0x40, @).
        assert_eq!(encode(b"A"), "1; @");
        assert_eq!(decode("1; @").unwrap(), b"A");
        let bytes: Vec<u8> = (0..=255).collect();
        let text = encode(&bytes);
        assert!(text.len() < bytes.len() * 8 / 7 + bytes.len() / 16, "{} bytes of text for {}", text.len(), bytes.len());
        assert_eq!(decode(&text).unwrap(), bytes);
    }

    #[test]
    fn never_writes_what_a_data_block_changes() {
        // All zero bits: every group is NUL, so every group is marked.
        let text = encode(&[0; 70]);
        let body = text.split_once(';').unwrap().1;
        assert_eq!(body, "\u{7f}0".repeat(80));
        assert_eq!(decode(&text).unwrap(), [0; 70]);
        // 0x78 = 0111_1000: the group 0111100 is `<`; 0xFF…: groups of 1111111 are DEL.
        assert_eq!(encode(&[0x78]), "1;\u{7f}2\u{7f}0");
        assert_eq!(encode(&[0xFF; 7]), format!("7;{}", "\u{7f}3".repeat(8)));
        let mixed: Vec<u8> = (0..5000u32).map(|i| (i * 7919 % 256) as u8).collect();
        let text = encode(&mixed);
        assert!(!text.contains(['\0', '\r', '<']), "no NUL, CR or <");
        assert!(text.is_ascii());
        assert_eq!(decode(&text).unwrap(), mixed);
    }

    #[test]
    fn reads_what_pages_published_before_wrote() {
        // The first writing: a comma, and an awkward group paired with the next one.
        assert_eq!(decode("1, @").unwrap(), b"A");
        assert_eq!(decode("2,\u{80}\u{80}").unwrap(), [0, 0]);
        assert_eq!(decode("1,\u{180}").unwrap(), [0x78]);
        assert_eq!(decode("7,\u{7f}\u{7f}\u{7f}\u{7f}\u{7f}\u{7f}\u{7f}\u{7f}").unwrap(), [0xFF; 7]);
    }

    #[test]
    fn a_text_cut_short_or_changed_is_refused() {
        let text = encode(b"the rule pack");
        assert_eq!(decode(&text[..text.len() - 3]).unwrap_err(), "11 bytes where the text says 13: it was cut short");
        assert_eq!(decode("no count").unwrap_err(), "no byte count before a semicolon");
        assert_eq!(decode("x;abc").unwrap_err(), "the byte count \"x\" is not a number");
        assert_eq!(decode("1;\u{263A}").unwrap_err(), "U+263A is not a character this text uses");
        assert_eq!(decode("1;\u{80}").unwrap_err(), "U+0080 is not a character this text uses");
        assert_eq!(decode("1;\u{7f}9a").unwrap_err(), "DEL not followed by the digit of a marked value");
        assert_eq!(decode("1;a\u{7f}").unwrap_err(), "DEL not followed by the digit of a marked value");
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_come_back(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..600)) {
            let text = encode(&bytes);
            proptest::prop_assert!(!text.contains(['\0', '\r', '<']) && text.is_ascii());
            proptest::prop_assert_eq!(decode(&text).unwrap(), bytes);
        }
    }
}
