//! Formatting for people in Indonesia: dates in Bahasa Indonesia, times in
//! WIB. Templates call these through the view structs.

use time::{OffsetDateTime, UtcOffset};

/// Asia/Jakarta (WIB), UTC+7, no daylight saving.
pub const WIB: UtcOffset = match UtcOffset::from_hms(7, 0, 0) {
    Ok(o) => o,
    Err(_) => panic!("valid offset"),
};

use crate::domain::plan::BULAN;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The months' names in the request's language.
pub fn months() -> [&'static str; 12] {
    match crate::i18n::current() {
        crate::i18n::Lang::Id => BULAN,
        crate::i18n::Lang::En => MONTHS,
    }
}

/// `20 Juni 2024` (`20 June 2024` in English)
pub fn tanggal(t: OffsetDateTime) -> String {
    let t = t.to_offset(WIB);
    format!(
        "{} {} {}",
        t.day(),
        months()[t.month() as usize - 1],
        t.year()
    )
}

/// The value of a date field (`<input type="date">` sends `2026-06-30`).
pub fn parse_date(typed: &str) -> Option<time::Date> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(typed.trim(), &format).ok()
}

/// `20 Juni 2024 pukul 14.05 WIB` (`20 June 2024, 14:05 WIB`)
pub fn waktu(t: OffsetDateTime) -> String {
    let t = t.to_offset(WIB);
    match crate::i18n::current() {
        crate::i18n::Lang::Id => {
            format!("{} pukul {:02}.{:02} WIB", tanggal(t), t.hour(), t.minute())
        }
        crate::i18n::Lang::En => format!("{}, {:02}:{:02} WIB", tanggal(t), t.hour(), t.minute()),
    }
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
pub fn url_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `Kota Magelang 2025–2029` → `kota-magelang-2025-2029`.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn dates_read_in_bahasa_indonesia_in_wib() {
        assert_eq!(tanggal(datetime!(2024-06-20 10:00 UTC)), "20 Juni 2024");
        // 20:30 UTC is already the next day in Jakarta.
        assert_eq!(
            waktu(datetime!(2024-06-19 20:30 UTC)),
            "20 Juni 2024 pukul 03.30 WIB"
        );
    }

    #[test]
    fn url_encoding_keeps_paths_readable() {
        assert_eq!(
            url_encode("/admin/pengguna?x=1&y"),
            "/admin/pengguna%3Fx%3D1%26y"
        );
    }
}
