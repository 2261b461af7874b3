//! Narrative sections: Markdown rendered to HTML and sanitized with an
//! allow-list (no script, no event handlers, no javascript: links), with a
//! stable anchor on every paragraph so comments can point at it.

use pulldown_cmark::{Event, Options, Parser, html};

/// Renders `md` for the section with `section_key`; paragraph *n* (from 1,
/// counting paragraphs, headings, list items, quotes and tables in order)
/// gets `id="{section_key}-p{n}"`. The anchors follow the text's order, so
/// they stay put when later paragraphs change.
pub fn render(md: &str, section_key: &str) -> String {
    let parser = Parser::new_ext(md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH);
    // Raw HTML in the source is shown as text, never passed through.
    let events = parser.map(|e| match e {
        Event::Html(s) | Event::InlineHtml(s) => Event::Text(s),
        other => other,
    });
    let mut body = String::new();
    html::push_html(&mut body, events);
    let clean = ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer nofollow"))
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .clean(&body)
        .to_string();
    add_anchors(&clean, section_key)
}

/// The top-level blocks of `md` as plain text, numbered as `render` numbers
/// their anchors: for choosing the paragraph a comment is about.
pub fn paragraphs(md: &str, section_key: &str) -> Vec<(String, String)> {
    use pulldown_cmark::{Tag, TagEnd};
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut current = String::new();
    let parser = Parser::new_ext(md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH);
    let counted = |t: &Tag| {
        matches!(
            t,
            Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::List(_)
                | Tag::BlockQuote(_)
                | Tag::Table(_)
        )
    };
    let counted_end = |t: &TagEnd| {
        matches!(
            t,
            TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::List(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::Table
        )
    };
    for e in parser {
        match e {
            Event::Start(t) if counted(&t) => {
                depth += 1;
            }
            Event::End(t) if counted_end(&t) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    let n = out.len() + 1;
                    let text: String = current.split_whitespace().collect::<Vec<_>>().join(" ");
                    out.push((format!("{section_key}-p{n}"), text));
                    current.clear();
                }
            }
            Event::Text(t) | Event::Code(t) if depth > 0 => {
                current.push_str(&t);
                current.push(' ');
            }
            _ => {}
        }
    }
    out
}

/// Puts `id` attributes on top-level blocks of sanitized HTML. The ids are
/// built from our own key and a counter, so nothing typed can inject one.
fn add_anchors(html: &str, key: &str) -> String {
    let mut out = String::with_capacity(html.len() + 64);
    let mut n = 0;
    let mut depth = 0usize;
    let mut rest = html;
    const BLOCKS: [&str; 11] = [
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "blockquote",
        "table",
    ];
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        rest = &rest[lt..];
        let end = rest.find('>').map(|i| i + 1).unwrap_or(rest.len());
        let tag = &rest[..end];
        let closing = tag.starts_with("</");
        let name: String = tag
            .trim_start_matches("</")
            .trim_start_matches('<')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let is_block = BLOCKS.contains(&name.as_str());
        if is_block && !closing {
            if depth == 0 {
                n += 1;
                out.push_str(&format!("<{name} id=\"{key}-p{n}\""));
                out.push_str(&tag[1 + name.len()..]);
            } else {
                out.push_str(tag);
            }
            depth += 1;
        } else {
            if is_block && closing {
                depth = depth.saturating_sub(1);
            }
            out.push_str(tag);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn paragraphs_get_stable_anchors() {
        let html = render("# Judul\n\nSatu.\n\n- a\n- b\n\nDua.", "s1");
        assert!(html.contains(r#"<h1 id="s1-p1">Judul</h1>"#), "{html}");
        assert!(html.contains(r#"<p id="s1-p2">Satu.</p>"#), "{html}");
        assert!(html.contains(r#"<ul id="s1-p3">"#), "{html}");
        assert!(html.contains(r#"<p id="s1-p4">Dua.</p>"#), "{html}");
        // Editing a later paragraph leaves earlier anchors where they were.
        let edited = render("# Judul\n\nSatu.\n\n- a\n- b\n\nDua diubah.", "s1");
        assert!(edited.contains(r#"<p id="s1-p2">Satu.</p>"#));
    }

    #[test]
    fn scripts_handlers_and_javascript_links_never_survive() {
        let md = "Halo <script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[klik](javascript:alert(3)) \
                  <a href=\"javascript:alert(4)\">x</a>\n\n<div onclick=\"alert(5)\">d</div>";
        let html = render(md, "s");
        // Look at the real tags only: typed text may mention anything.
        let tags: Vec<&str> = html
            .split('<')
            .skip(1)
            .map(|t| t.split('>').next().unwrap())
            .collect();
        for tag in &tags {
            for bad in ["script", "onerror", "onclick", "javascript:", "img", "div"] {
                assert!(!tag.contains(bad), "{bad} in tag <{tag}> of {html}");
            }
        }
        // Raw HTML shows as text, so the author sees what they typed.
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn paragraph_list_matches_the_anchors() {
        let md = "# Judul\n\nSatu **dua**.\n\n- a\n- b\n\nTiga.";
        let html = render(md, "bab-1");
        let list = super::paragraphs(md, "bab-1");
        assert_eq!(list.len(), 4);
        for (anchor, _) in &list {
            assert!(
                html.contains(&format!("id=\"{anchor}\"")),
                "{anchor} not in {html}"
            );
        }
        assert_eq!(list[1].1, "Satu dua .");
    }

    #[test]
    fn ordinary_markdown_survives() {
        let html = render(
            "**Tebal**, _miring_ dan [tautan](https://magelangkota.go.id).",
            "s",
        );
        assert!(html.contains("<strong>Tebal</strong>"));
        assert!(html.contains("<em>miring</em>"));
        assert!(html.contains(r#"href="https://magelangkota.go.id""#));
        assert!(html.contains("noopener"));
    }
}
