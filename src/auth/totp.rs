//! The staff's second factor: time-based one-time codes (RFC 6238: HMAC-
//! SHA-1, six digits, 30-second steps, one step of clock drift either way,
//! which is what authenticator apps and `oathtool --totp` produce) and
//! single-use recovery codes, stored only as hashes.

use sha2::{Digest, Sha256};
use totp_rs::{Builder, Secret, Totp};

/// The published secret every demo staff account is enrolled with, so
/// anyone can sign in to the demo with an authenticator app or
/// `oathtool --totp -b SELARASDEMOKOTAMAGELANGJATENG234`. Never for a real
/// account: `selaras demo` only.
pub const DEMO_SECRET: &str = "SELARASDEMOKOTAMAGELANGJATENG234";

/// Recovery codes handed out at enrolment.
pub const RECOVERY_CODES: usize = 10;

fn totp(secret: &[u8]) -> Option<Totp> {
    Builder::new().with_secret(secret.to_vec()).build().ok()
}

/// A new random secret (160 bits, as RFC 4226 recommends).
pub fn new_secret() -> Vec<u8> {
    let mut bytes = [0u8; 20];
    getrandom::fill(&mut bytes).expect("the OS random number generator works");
    bytes.to_vec()
}

pub fn to_base32(secret: &[u8]) -> String {
    Secret::from(secret.to_vec()).to_base32()
}

pub fn from_base32(text: &str) -> Option<Vec<u8>> {
    let cleaned: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase();
    Secret::try_from_base32(cleaned)
        .ok()
        .map(|s| s.as_ref().to_vec())
}

fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// The time step a typed code is right for at `time` (unix seconds), if
/// any. Spaces in the code are ignored; anything but six digits is wrong.
pub fn check_at(secret: &[u8], code: &str, time: u64) -> Option<i64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let step = totp(secret)?.check(&code, time)?;
    i64::try_from(step).ok()
}

/// `check_at` now.
pub fn check(secret: &[u8], code: &str) -> Option<i64> {
    check_at(secret, code, unix_now())
}

/// The code at `time`, as an authenticator app shows it.
pub fn code_at(secret: &[u8], time: u64) -> String {
    totp(secret)
        .map(|t| t.generate(time).to_string())
        .unwrap_or_default()
}

/// The code now (for the demo and the tests).
pub fn code_now(secret: &[u8]) -> String {
    code_at(secret, unix_now())
}

/// The `otpauth://` address an authenticator app reads from the QR code.
pub fn otpauth_url(username: &str, secret: &[u8]) -> String {
    let account = crate::format::url_encode(&format!("Selaras:{username}"));
    format!(
        "otpauth://totp/{account}?secret={}&issuer=Selaras&algorithm=SHA1&digits=6&period=30",
        to_base32(secret)
    )
}

/// The QR code of `text` as an inline SVG (no image file, no script).
pub fn qr_svg(text: &str) -> String {
    match qrcode::QrCode::new(text.as_bytes()) {
        Ok(code) => code
            .render::<qrcode::render::svg::Color>()
            .min_dimensions(200, 200)
            .quiet_zone(true)
            .build(),
        Err(_) => String::new(),
    }
}

const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";

/// Ten fresh recovery codes, `xxxxx-xxxxx` (about 49 bits each).
pub fn recovery_codes() -> Vec<String> {
    (0..RECOVERY_CODES)
        .map(|_| {
            let mut bytes = [0u8; 10];
            getrandom::fill(&mut bytes).expect("the OS random number generator works");
            let chars: String = bytes
                .iter()
                .map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char)
                .collect();
            format!("{}-{}", &chars[..5], &chars[5..])
        })
        .collect()
}

/// What is stored of a recovery code: the SHA-256 of its letters, without
/// the dash, spaces or case, so it can be typed any way.
pub fn hash_recovery(code: &str) -> Vec<u8> {
    let normal: String = code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    Sha256::digest(normal.as_bytes()).to_vec()
}

/// Does the typed text look like a recovery code rather than a TOTP code?
pub fn looks_like_recovery(code: &str) -> bool {
    code.chars().filter(|c| c.is_ascii_alphanumeric()).count() == 10
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238 appendix B, SHA-1, the last six of its eight digits.
    #[test]
    fn codes_match_the_rfc_test_vectors() {
        let secret = b"12345678901234567890";
        assert_eq!(code_at(secret, 59), "287082");
        assert_eq!(code_at(secret, 1111111109), "081804");
        assert_eq!(code_at(secret, 1234567890), "005924");
        assert_eq!(code_at(secret, 2000000000), "279037");
    }

    #[test]
    fn a_code_is_right_for_its_step_and_one_either_side_only() {
        let secret = from_base32(DEMO_SECRET).unwrap();
        let t = 1_800_000_000;
        let code = code_at(&secret, t);
        assert_eq!(check_at(&secret, &code, t), Some((t / 30) as i64));
        assert!(check_at(&secret, &code, t + 30).is_some());
        assert!(check_at(&secret, &code, t + 95).is_none());
        let spaced = format!("{} {}", &code[..3], &code[3..]);
        assert!(check_at(&secret, &spaced, t).is_some());
        assert!(check_at(&secret, "12345", t).is_none());
        assert!(check_at(&secret, "abcdef", t).is_none());
    }

    #[test]
    fn the_demo_secret_is_valid_base32_of_160_bits() {
        let secret = from_base32(DEMO_SECRET).unwrap();
        assert_eq!(secret.len(), 20);
        assert_eq!(to_base32(&secret), DEMO_SECRET);
        let url = otpauth_url("perencana.magelang", &secret);
        assert!(url.contains("secret=SELARASDEMO"), "{url}");
        assert!(qr_svg(&url).starts_with("<?xml") || qr_svg(&url).contains("<svg"));
    }

    #[test]
    fn recovery_codes_are_distinct_and_hash_however_typed() {
        let codes = recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODES);
        let mut unique = codes.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), RECOVERY_CODES);
        let c = &codes[0];
        assert!(looks_like_recovery(c));
        assert_eq!(
            hash_recovery(c),
            hash_recovery(&c.to_uppercase().replace('-', " "))
        );
        assert_ne!(hash_recovery(c), hash_recovery(&codes[1]));
    }
}
