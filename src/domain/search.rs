//! What a person typed into the search box, made safe to search with
//! (issue 16, point 1): words (matched as prefixes, in the Indonesian
//! text-search configuration and the simple one), codes (`1.02.02`: a
//! prefix of item codes, finding everything below it) and proposal
//! numbers. Whatever was typed (quotes, `%`, `_`, 5,000 characters) comes
//! out as plain letters and digits, or as a message; never as syntax for
//! the database.

/// Characters of the query considered; the rest is dropped, with a note.
pub const MAX_CHARS: usize = 200;
/// Words searched for; further words are ignored.
pub const MAX_WORDS: usize = 8;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// What is shown back in the box.
    pub text: String,
    /// Lower-case words of letters and digits.
    pub words: Vec<String>,
    /// Codes: digits with dots (`1.02.02`), or a proposal number prefix
    /// (`usl-2026-0001`).
    pub codes: Vec<String>,
    /// The input was longer than MAX_CHARS or held more than MAX_WORDS.
    pub shortened: bool,
}

impl Query {
    pub fn parse(raw: &str) -> Result<Query, &'static str> {
        let chars = raw.chars().count();
        let text: String = raw
            .chars()
            .take(MAX_CHARS)
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let mut shortened = chars > MAX_CHARS;
        // A cut word is not what was meant: end at the last whole word.
        let text = match (shortened, text.rfind(char::is_whitespace)) {
            (true, Some(at)) => text[..at].to_string(),
            _ => text,
        };
        let mut words = Vec::new();
        let mut codes = Vec::new();
        for token in text.split_whitespace() {
            let t = token
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            if is_code(&t) {
                codes.push(t);
                continue;
            }
            // Anything else: its runs of letters and digits, each a word.
            for w in t.split(|c: char| !c.is_alphanumeric()) {
                if !w.is_empty() && !words.iter().any(|x| x == w) {
                    words.push(w.chars().take(40).collect());
                }
            }
        }
        if words.len() + codes.len() > MAX_WORDS {
            shortened = true;
            words.truncate(MAX_WORDS.saturating_sub(codes.len().min(MAX_WORDS)));
            codes.truncate(MAX_WORDS);
        }
        if words.is_empty() && codes.is_empty() {
            return Err(crate::i18n::t("ketik-kata-kode-mis-1-02"));
        }
        Ok(Query {
            text: text.trim().to_string(),
            words,
            codes,
            shortened,
        })
    }

    /// The words as a `to_tsquery` argument: every word as a prefix, all
    /// required (`posyandu:* & balita:*`); none when only codes were typed.
    /// Only letters and digits reach it.
    pub fn tsquery(&self) -> Option<String> {
        (!self.words.is_empty()).then(|| {
            self.words
                .iter()
                .map(|w| format!("{w}:*"))
                .collect::<Vec<_>>()
                .join(" & ")
        })
    }
}

/// `1.02.02`, `1.02.02.2.01.0001`, `3` (an urusan) or a proposal number
/// (`usl-2026-000012`, or its start).
fn is_code(t: &str) -> bool {
    let dotted = t.contains('.')
        && t.split('.')
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
    let nomor = t.starts_with("usl-")
        && t[4..].chars().all(|c| c.is_ascii_digit() || c == '-')
        && t.len() > 4;
    dotted || nomor
}

/// A text cut where the query's words start a word of it, so a page can
/// mark them: (piece, marked).
pub fn marked(text: &str, q: &Query) -> Vec<(String, bool)> {
    let lower: Vec<char> = text.chars().flat_map(char::to_lowercase).collect();
    let chars: Vec<char> = text.chars().collect();
    // Lower-casing may change lengths (rare letters): then mark nothing.
    if lower.len() != chars.len() {
        return vec![(text.to_string(), false)];
    }
    let needles: Vec<Vec<char>> = q
        .words
        .iter()
        .chain(&q.codes)
        .map(|w| w.chars().collect())
        .collect();
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut i = 0;
    let push = |out: &mut Vec<(String, bool)>, s: String, m: bool| match out.last_mut() {
        Some((last, lm)) if *lm == m => last.push_str(&s),
        _ => out.push((s, m)),
    };
    while i < chars.len() {
        let at_start = i == 0 || !chars[i - 1].is_alphanumeric();
        let hit = at_start
            .then(|| {
                needles
                    .iter()
                    .filter(|n| lower[i..].starts_with(n))
                    .map(|n| n.len())
                    .max()
            })
            .flatten();
        match hit {
            Some(n) => {
                // Mark the whole word the prefix starts.
                let mut end = i + n;
                while end < chars.len() && chars[end].is_alphanumeric() {
                    end += 1;
                }
                push(&mut out, chars[i..end].iter().collect(), true);
                i = end;
            }
            None => {
                push(&mut out, chars[i].to_string(), false);
                i += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_codes_come_out_plain() {
        let q = Query::parse("  Posyandu 'balita' 1.02.02 USL-2026-0000 %_ ").unwrap();
        assert_eq!(q.words, vec!["posyandu", "balita"]);
        assert_eq!(q.codes, vec!["1.02.02", "usl-2026-0000"]);
        assert_eq!(q.tsquery().as_deref(), Some("posyandu:* & balita:*"));
        assert!(!q.shortened);
    }

    #[test]
    fn odd_input_is_a_message_or_plain_words_never_syntax() {
        assert!(Query::parse("").is_err());
        assert!(Query::parse("%_' \" ; -- \u{0}").is_err());
        let q = Query::parse("a':*|b&!(c)").unwrap();
        assert_eq!(q.words, vec!["a", "b", "c"]);
        let ts = q.tsquery().unwrap();
        assert!(
            ts.chars()
                .all(|c| c.is_alphanumeric() || " :*&".contains(c)),
            "{ts}"
        );
        let long = "jalan ".repeat(1000);
        let q = Query::parse(&long).unwrap();
        assert!(q.shortened && q.text.chars().count() <= MAX_CHARS);
        assert_eq!(q.words, vec!["jalan"], "a word once");
        let many = "a b c d e f g h i j k";
        assert_eq!(Query::parse(many).unwrap().words.len(), MAX_WORDS);
    }

    #[test]
    fn the_words_found_are_marked_whole() {
        let q = Query::parse("posy 1.02").unwrap();
        let m = marked("Pelayanan Posyandu (1.02.02)", &q);
        assert_eq!(
            m,
            vec![
                ("Pelayanan ".to_string(), false),
                ("Posyandu".to_string(), true),
                (" (".to_string(), false),
                ("1.02".to_string(), true),
                (".02)".to_string(), false),
            ]
        );
    }
}
