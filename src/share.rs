//! A case as a link: the case lives only in the URL fragment (`#case=1.…`), which a browser
//! never sends to a server (a fragment is not part of an HTTP request).
//!
//! Format, version 1: `#case=1.` followed by the case as compact JSON, compressed with
//! zlib (deflate plus its Adler-32 checksum, so a changed character is detected rather
//! than read as another case) and written in base64url without padding (RFC 4648 §5).
//!
//! Reading a link never trusts it: anything that is not base64url, another version, a
//! stream that does not decompress, one that would decompress past [`MAX_CASE_BYTES`]
//! (decompression stops at the limit, so a "zip bomb" cannot exhaust memory), not JSON,
//! not a case, or a case with field errors is refused as a whole with a localized
//! message. No web dependency: tested natively (`tests/share.rs`).

use crate::core::case::{parse_case_text_in, Case, CaseFileError, ParsedCase, MAX_CASE_BYTES};
use crate::core::i18n::msg;
use crate::core::i18n::Lang;
use crate::tr;

/// What starts a fragment that holds a case (after the `#`).
pub const FRAGMENT_KEY: &str = "case=";
/// The version of the encoding, before the `.`.
pub const VERSION: &str = "1";
/// Longest encoded data read (the part after `1.`): a compressed case is far smaller
/// than the case itself, so this never refuses a real link.
pub const MAX_DATA_CHARS: usize = MAX_CASE_BYTES;

/// The case without identifying text: its `label`, each visit's `note`, and the record
/// sources of imported values (`provenance`: a record's resource ids, and the date of birth
/// the age was taken from).
pub fn without_free_text(case: &Case) -> Case {
    let mut case = case.clone();
    case.label = None;
    case.provenance.clear();
    for visit in &mut case.visits {
        visit.note = None;
    }
    case
}

/// The encoded case: `1.` + base64url(zlib(compact JSON)).
pub fn encode(case: &Case) -> String {
    let json = serde_json::to_string(case).unwrap_or_default();
    let compressed = miniz_oxide::deflate::compress_to_vec_zlib(json.as_bytes(), 10);
    format!("{VERSION}.{}", base64url_encode(&compressed))
}

/// The fragment for a case, with its `#`: `#case=1.…`.
pub fn fragment(case: &Case) -> String {
    format!("#{FRAGMENT_KEY}{}", encode(case))
}

/// The link to `page` (the app's address; any fragment it has is dropped) that opens `case`.
pub fn link(page: &str, case: &Case) -> String {
    let base = page.split('#').next().unwrap_or("");
    format!("{base}{}", fragment(case))
}

/// The encoded case in a fragment (`location.hash`, with or without its `#`), or `None`
/// when the fragment holds no case (empty, `#results`, …).
pub fn case_data(hash: &str) -> Option<&str> {
    hash.strip_prefix('#')
        .unwrap_or(hash)
        .strip_prefix(FRAGMENT_KEY)
}

/// Reads the case in a fragment: `None` when it holds none, otherwise the case or why
/// the link cannot be read (messages in `lang`).
pub fn read_fragment(hash: &str, lang: Lang) -> Option<Result<ParsedCase, CaseFileError>> {
    case_data(hash).map(|data| decode(data, lang))
}

/// Decodes `1.…` (what follows `#case=`). All or nothing: a case with field errors is
/// refused too, since the app never writes one.
pub fn decode(data: &str, lang: Lang) -> Result<ParsedCase, CaseFileError> {
    let fail = |message: String| Err(CaseFileError(message));
    let Some((version, payload)) = data.split_once('.') else {
        return fail(tr!(
            lang,
            msg::share::DECODE_THE_LINK_HAS_NO_VERSION,
            VERSION
        ));
    };
    if version != VERSION {
        let shown: String = version.chars().take(12).collect();
        return fail(tr!(
            lang,
            msg::share::DECODE_THE_LINK_IS_IN_VERSION,
            VERSION,
            shown
        ));
    }
    if payload.len() > MAX_DATA_CHARS {
        let len = payload.len();
        return fail(tr!(
            lang,
            msg::share::DECODE_THE_LINK_S_DATA_IS,
            MAX_DATA_CHARS,
            len
        ));
    }
    let Some(compressed) = base64url_decode(payload) else {
        return fail(tr!(lang, msg::share::DECODE_THE_LINK_S_DATA_IS_2));
    };
    let json = match inflate_limited(&compressed, MAX_CASE_BYTES) {
        Ok(bytes) => bytes,
        Err(Inflate::TooLarge) => {
            return fail(tr!(
                lang,
                msg::share::DECODE_THE_LINK_S_CASE_WOULD,
                MAX_CASE_BYTES
            ))
        }
        Err(Inflate::Damaged) => return fail(tr!(lang, msg::share::DECODE_THE_LINK_S_DATA_IS_3)),
    };
    let Ok(text) = String::from_utf8(json) else {
        return fail(tr!(lang, msg::share::DECODE_THE_LINK_S_DATA_IS_4));
    };
    let parsed = parse_case_text_in(&text, lang)?;
    if !parsed.errors.is_empty() {
        let fields: Vec<String> = parsed.errors.iter().map(|e| e.field.to_string()).collect();
        let fields = fields.join(", ");
        return fail(tr!(lang, msg::share::DECODE_THE_LINK_S_CASE_HAS, fields));
    }
    Ok(parsed)
}

enum Inflate {
    TooLarge,
    Damaged,
}

/// zlib decompression (checksum verified) that never holds more than `limit` bytes of
/// output: the buffer grows by doubling with exact reservations, capped at `limit`.
/// (miniz_oxide's own `decompress_to_vec_zlib_with_limit` lets `Vec` round a growth up,
/// so its buffer can briefly reach twice the limit.)
fn inflate_limited(mut input: &[u8], limit: usize) -> Result<Vec<u8>, Inflate> {
    use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
    use miniz_oxide::inflate::TINFLStatus;
    let flags = inflate_flags::TINFL_FLAG_PARSE_ZLIB_HEADER
        | inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    let mut out: Vec<u8> = Vec::new();
    let start = input.len().saturating_mul(4).clamp(1024, limit);
    out.reserve_exact(start);
    out.resize(start, 0);
    let mut state = Box::<DecompressorOxide>::default();
    let mut out_pos = 0;
    loop {
        let (status, consumed, written) = decompress(&mut state, input, &mut out, out_pos, flags);
        out_pos += written;
        match status {
            TINFLStatus::Done => {
                out.truncate(out_pos);
                return Ok(out);
            }
            TINFLStatus::HasMoreOutput => {
                input = input.get(consumed..).ok_or(Inflate::Damaged)?;
                if out.len() >= limit {
                    return Err(Inflate::TooLarge);
                }
                let grown = out.len().saturating_mul(2).min(limit);
                out.reserve_exact(grown - out.len());
                out.resize(grown, 0);
            }
            _ => return Err(Inflate::Damaged),
        }
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url (RFC 4648 §5) without padding.
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
        }
    }
    out
}

/// Decodes unpadded base64url; `None` on any other character, an impossible length
/// (one character left over) or non-zero unused bits (a non-canonical encoding).
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let sextet = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return None,
        } as u32)
    };
    let input = text.as_bytes();
    if input.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(input.len() / 4 * 3 + 2);
    for chunk in input.chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= sextet(c)? << (18 - 6 * i);
        }
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        let keep = chunk.len() - 1;
        // The bits after the last whole byte must be zero.
        if keep < 3 && n & (0xFF_FFFF >> (8 * keep)) != 0 {
            return None;
        }
        out.extend_from_slice(&bytes[..keep]);
    }
    Some(out)
}
