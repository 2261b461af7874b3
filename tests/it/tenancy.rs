//! Every tenant query is held to one region (issue 15, point 7).
//!
//! A distributed PostgreSQL (README, "Scaling") shards the tenant tables
//! by region; a query that names no region on a tenant table reads every
//! shard, and a query that forgets its region on one database is how one
//! pemda's rows reach another's page. Two checks:
//! - every table either carries `region_kode` or is named below as shared,
//!   with the reason;
//! - every SQL statement the server runs (the string literals in `src`,
//!   with the `const` fragments they are built from put in place) that
//!   touches a tenant table filters by region, or is keyed on one row of a
//!   tenant table (`id = $1`: the row lives in exactly one region), or
//!   says in a `// across regions:` comment just above it why it spans
//!   regions (the national public lists, public search, the outbox).
//!
//! The generators and the benchmark (`src/demo`, `src/bench`) build data
//! for many regions at once and serve no one; they are left out.

use crate::common;
use std::collections::{BTreeMap, BTreeSet};

/// Tables without a region, and why.
const SHARED: &[(&str, &str)] = &[
    ("_sqlx_migrations", "the schema's own history"),
    (
        "regions",
        "the national list of kode wilayah: a reference table",
    ),
    (
        "region_boundaries",
        "outlines of the national regions: a reference table",
    ),
    ("account_links", "a person's mailed links, kept with users"),
    (
        "recovery_codes",
        "a person's second-factor codes, kept with users",
    ),
    (
        "login_attempts",
        "sign-in throttling, counted before anyone is known",
    ),
    (
        "data_version",
        "one counter per cache key, read by every instance",
    ),
    (
        "proposal_counters",
        "proposal numbers are national today (README: per province on a distributed database)",
    ),
];

/// Tables with a region that every node keeps whole (a reference table on
/// a distributed database): read on every request, in any region.
const REFERENCE: &[(&str, &str)] = &[(
    "users",
    "a person, signed in on every request, who may work in several regions",
)];

/// Tables whose `region_kode` may be empty: a row without one is shared.
const MIXED: &[(&str, &str)] = &[
    (
        "nomenklatur",
        "the national codes, and a region's own additions",
    ),
    ("audit_log", "a person's own acts (sign-in), and a region's"),
];

#[derive(Debug, PartialEq)]
enum Verdict {
    ByRegion,
    /// Keyed on one row (`id = $1`) or one person (`user_id = $1`) but
    /// not on the region: bounded on one database, yet every shard of a
    /// distributed one is asked. Refused like `Unbounded`.
    Keyed,
    Declared,
    /// Writes a row (its region is a NOT NULL column or set by a trigger).
    Insert,
    Untouched,
    Unbounded,
}

/// One SQL string literal: where it is, its text with fragments in
/// place, and whether the comment above it declares it across regions.
struct Statement {
    place: String,
    sql: String,
    declared: bool,
}

#[tokio::test]
async fn every_table_carries_a_region_or_is_shared() {
    let (db, _) = common::fresh_database().await;
    let rows: Vec<(String, Option<String>)> = sqlx::query_as(
        "SELECT t.table_name::text, c.is_nullable::text
           FROM information_schema.tables t
           LEFT JOIN information_schema.columns c
             ON c.table_schema = t.table_schema AND c.table_name = t.table_name
            AND c.column_name = 'region_kode'
          WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'",
    )
    .fetch_all(&db)
    .await
    .unwrap();
    let shared: BTreeSet<&str> = SHARED.iter().map(|(t, _)| *t).collect();
    let mixed: BTreeSet<&str> = MIXED.iter().map(|(t, _)| *t).collect();
    let mut wrong = Vec::new();
    for (table, nullable) in &rows {
        let t = table.as_str();
        match nullable.as_deref() {
            None if !shared.contains(t) => wrong.push(format!("{t}: no region_kode")),
            Some(_) if shared.contains(t) => wrong.push(format!("{t}: listed as shared")),
            Some(_) if REFERENCE.iter().any(|(r, _)| *r == t) => {}
            Some("YES") if !mixed.contains(t) => {
                wrong.push(format!("{t}: region_kode may be empty"))
            }
            Some("NO") if mixed.contains(t) => wrong.push(format!("{t}: listed as mixed")),
            _ => {}
        }
    }
    let names: BTreeSet<&str> = rows.iter().map(|(t, _)| t.as_str()).collect();
    for t in shared
        .iter()
        .chain(&mixed)
        .chain(REFERENCE.iter().map(|(t, _)| t))
    {
        if !names.contains(t) {
            wrong.push(format!("{t}: listed, but there is no such table"));
        }
    }
    assert!(
        wrong.is_empty(),
        "tables without their region:\n{}",
        wrong.join("\n")
    );
}

#[tokio::test]
async fn every_tenant_query_filters_by_region() {
    let (db, _) = common::fresh_database().await;
    let tenant: BTreeSet<String> = sqlx::query_scalar(
        "SELECT table_name::text FROM information_schema.columns
          WHERE table_schema = 'public' AND column_name = 'region_kode'",
    )
    .fetch_all(&db)
    .await
    .unwrap()
    .into_iter()
    .filter(|t: &String| !REFERENCE.iter().any(|(r, _)| r == t))
    .collect();
    assert!(tenant.contains("plans") && tenant.contains("meeting_attendance"));

    let keys = keys(&db, &tenant).await;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let mut elsewhere = BTreeMap::new();
    for f in &files {
        elsewhere.extend(fragments(&std::fs::read_to_string(f).unwrap()));
    }
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut wrong = Vec::new();
    for file in files {
        let rel = file
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .to_string();
        if rel.starts_with("demo") || rel.starts_with("bench") {
            continue;
        }
        let source = std::fs::read_to_string(&file).unwrap();
        for s in statements_with(&rel, &source, &elsewhere) {
            let v = judge(&s, &tenant, &keys);
            match v {
                Verdict::Unbounded => wrong.push(format!(
                    "{}: reads tenant tables with no region and no `// across regions:` reason:\n    {}",
                    s.place,
                    short(&s.sql)
                )),
                Verdict::Keyed => wrong.push(format!(
                    "{}: keyed on one row or person, but not on its region (pass the region of the row loaded first, or say `// across regions:` why not):\n    {}",
                    s.place,
                    short(&s.sql)
                )),
                Verdict::Declared if by_region(&tokens(&s.sql)) => wrong.push(format!(
                    "{}: declared across regions, but it is bounded; drop the comment:\n    {}",
                    s.place,
                    short(&s.sql)
                )),
                _ => {}
            }
            let name = match v {
                Verdict::ByRegion => "by region",
                Verdict::Keyed => "keyed, without its region",
                Verdict::Declared => "across regions, declared",
                Verdict::Insert => "inserts",
                Verdict::Untouched => "no tenant table",
                Verdict::Unbounded => "unbounded",
            };
            *counts.entry(name).or_default() += 1;
        }
    }
    println!("statements: {counts:?}");
    assert!(
        counts.get("by region").copied().unwrap_or(0) > 150,
        "the scan finds the queries: {counts:?}"
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The columns that name one row of a tenant table (its keys, and the
/// references to a tenant table), and those that name a person.
struct Keys {
    row: BTreeSet<String>,
    person: BTreeSet<String>,
}

async fn keys(db: &sqlx::PgPool, tenant: &BTreeSet<String>) -> Keys {
    let tenant: Vec<String> = tenant.iter().cloned().collect();
    let rows: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT tc.constraint_type::text, kcu.column_name::text, ccu.table_name::text
           FROM information_schema.table_constraints tc
           JOIN information_schema.key_column_usage kcu
             ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
           JOIN information_schema.constraint_column_usage ccu
             ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
          WHERE tc.table_schema = 'public'
            AND tc.constraint_type IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')",
    )
    .fetch_all(db)
    .await
    .unwrap();
    let mut k = Keys {
        // Besides the keys the schema declares: the audit log's and a
        // comment's reference to any kind of row.
        row: ["id", "nomor", "entity_id", "target_id"]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        person: ["username"].iter().map(|s| s.to_string()).collect(),
    };
    for (kind, column, table) in rows {
        if kind == "FOREIGN KEY" && table == "users" {
            k.person.insert(column);
        } else if tenant.contains(&table) && column != "region_kode" {
            k.row.insert(column);
        }
    }
    k.row.retain(|c| !k.person.contains(c));
    k
}

fn test_keys() -> Keys {
    Keys {
        row: ["id", "plan_id", "token_hash"]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        person: ["user_id"].iter().map(|s| s.to_string()).collect(),
    }
}

/// The check itself, on statements of each kind.
#[test]
fn the_check_tells_bounded_from_unbounded() {
    let tenant: BTreeSet<String> = ["plans", "proposals", "plan_items"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let keys = test_keys();
    let one = |sql: &str, declared: bool| {
        judge(
            &Statement {
                place: "x".into(),
                sql: sql.into(),
                declared,
            },
            &tenant,
            &keys,
        )
    };
    use Verdict::*;
    assert_eq!(
        one("SELECT id FROM plans WHERE region_kode = $1", false),
        ByRegion
    );
    assert_eq!(
        one(
            "SELECT id FROM plans p WHERE p.region_kode LIKE $1 || '.%'",
            false
        ),
        ByRegion
    );
    // An optional filter spans every region when it is not given.
    assert_eq!(
        one(
            "SELECT i.id FROM plan_items i JOIN plans p ON p.id = i.plan_id WHERE ($1::text IS NULL OR p.region_kode = $1)",
            false
        ),
        Unbounded
    );
    assert_eq!(
        one("SELECT id FROM plans WHERE region_kode <> $1", false),
        Unbounded
    );
    assert_eq!(
        one("SELECT id FROM proposals WHERE wilayah_kode = $1", false),
        ByRegion
    );
    assert_eq!(one("SELECT id FROM plans WHERE user_id = $1", false), Keyed);
    assert_eq!(
        one("SELECT id FROM plans WHERE author_id = $1", false),
        Unbounded
    );
    assert_eq!(
        one("SELECT id FROM plans WHERE region_kode = ANY($1)", false),
        ByRegion
    );
    assert_eq!(
        one("SELECT id FROM plans WHERE $1 = region_kode", false),
        ByRegion
    );
    // A join on the region is not a filter.
    assert_eq!(
        one(
            "SELECT r.nama FROM plans p JOIN regions r ON r.kode = p.region_kode",
            false
        ),
        Unbounded
    );
    assert_eq!(one("SELECT title FROM plans WHERE id = $1", false), Keyed);
    assert_eq!(
        one(
            "SELECT title FROM plans WHERE id = $1 AND region_kode = $2",
            false
        ),
        ByRegion
    );
    // The first lookup of a row named in a URL says why it has no region.
    assert_eq!(one("SELECT title FROM plans WHERE id = $1", true), Declared);
    assert_eq!(
        one("SELECT id FROM plan_items WHERE plan_id = ANY($1)", false),
        Keyed
    );
    assert_eq!(
        one("UPDATE proposals SET status = $2 WHERE id = $1", false),
        Keyed
    );
    assert_eq!(
        one("SELECT kode FROM regions WHERE kode = $1", false),
        Untouched
    );
    assert_eq!(
        one("INSERT INTO plans (id, region_kode) VALUES ($1, $2)", false),
        Insert
    );
    assert_eq!(
        one(
            "INSERT INTO plan_items (plan_id, kode) SELECT $1, k FROM unnest($2::text[]) AS k",
            false
        ),
        Insert
    );
    assert_eq!(one("DELETE FROM plans WHERE token_hash = $1", false), Keyed);
    assert_eq!(
        one(
            "SELECT count(*) FROM plans WHERE region_kode IS NULL",
            false
        ),
        ByRegion
    );
    // Naming the column is not filtering by it.
    assert_eq!(
        one(
            "SELECT region_kode, title FROM plans WHERE stage = 'ditetapkan'",
            false
        ),
        Unbounded
    );
    assert_eq!(one("SELECT count(*) FROM proposals", false), Unbounded);
    assert_eq!(
        one("DELETE FROM plans WHERE created_at < now()", false),
        Unbounded
    );
    assert_eq!(
        one("SELECT id FROM plans WHERE id = owner_org_id", false),
        Unbounded
    );
    assert_eq!(
        one(
            "INSERT INTO plan_items (id, plan_id) SELECT gen_random_uuid(), id FROM plans WHERE stage = 'x'",
            false
        ),
        Unbounded
    );
    assert_eq!(one("SELECT count(*) FROM proposals", true), Declared);

    // Literals, fragments and the comment above.
    let source = r##"
const COLS: &str = "p.id, p.title";
fn a() {
    // The national list.
    // across regions: a page of every region's public plans
    sqlx::query(&format!("SELECT {COLS} FROM plans p WHERE p.stage = 'ditetapkan' LIMIT 50"));
    let c = 'x'; let s: &'static str = "not sql";
    sqlx::query(r#"SELECT "title" FROM plans WHERE stage = 'x'"#);
    sqlx::query(&format!("{HEAD} WHERE stage = 'x'"));
}
const HEAD: &str = "SELECT title FROM plans";
"##;
    let found = statements("f.rs", source);
    assert_eq!(
        found.len(),
        3,
        "{:?}",
        found.iter().map(|s| &s.sql).collect::<Vec<_>>()
    );
    assert!(found[0].sql.contains("SELECT p.id, p.title FROM plans"));
    assert!(found[0].declared);
    assert_eq!(judge(&found[0], &tenant, &keys), Declared);
    assert!(!found[1].declared);
    assert_eq!(judge(&found[1], &tenant, &keys), Unbounded);
    assert_eq!(found[1].place, "f.rs:8");
    // A fragment the scan cannot read is taken for a tenant table.
    let unread = statements(
        "g.rs",
        r#"sqlx::query(&format!("{} WHERE id = $1", other::SELECT));"#,
    );
    assert_eq!(unread.len(), 1);
    assert_eq!(judge(&unread[0], &tenant, &keys), Keyed);
    // A statement that begins with a fragment is read as SQL.
    assert_eq!(found[2].sql, "SELECT title FROM plans WHERE stage = 'x'");
    assert_eq!(judge(&found[2], &tenant, &keys), Unbounded);
}

fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().collect();
    entries.sort_by_key(|e| e.path());
    for e in entries {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

fn short(sql: &str) -> String {
    let one: String = sql.split_whitespace().collect::<Vec<_>>().join(" ");
    one.chars().take(200).collect()
}

/// The string literals of a Rust source that are SQL statements, with
/// `{NAME}` replaced by the file's `const NAME: &str` fragments.
fn statements(file: &str, source: &str) -> Vec<Statement> {
    statements_with(file, source, &BTreeMap::new())
}

/// The `const NAME: &str` fragments of a source.
fn fragments(source: &str) -> BTreeMap<String, String> {
    literals(source)
        .into_iter()
        .filter_map(|l| const_name(&source[..l.start]).map(|name| (name, l.text)))
        .collect()
}

/// As `statements`, with the fragments of other files (`super::SELECT`)
/// filled in where the file has none of that name. The fragments are put
/// in place before a literal is judged SQL, so `"{SELECT} WHERE …"` is.
fn statements_with(
    file: &str,
    source: &str,
    elsewhere: &BTreeMap<String, String>,
) -> Vec<Statement> {
    let literals = literals(source);
    let mut consts = elsewhere.clone();
    consts.extend(fragments(source));
    let lines: Vec<&str> = source.lines().collect();
    let mut out = Vec::new();
    for l in &literals {
        if const_name(&source[..l.start]).is_some() {
            continue;
        }
        let mut sql = l.text.clone();
        // Twice: a fragment may name another.
        for _ in 0..2 {
            for (name, text) in &consts {
                sql = sql.replace(&format!("{{{name}}}"), text);
            }
        }
        let head = sql.trim_start();
        let is_sql = ["SELECT", "INSERT", "UPDATE", "DELETE", "WITH"]
            .iter()
            .any(|k| head.starts_with(k) && head[k.len()..].starts_with(char::is_whitespace))
            || unnamed_head(head);
        if !is_sql {
            continue;
        }
        let line = source[..l.start].matches('\n').count() + 1;
        out.push(Statement {
            place: format!("{file}:{line}"),
            sql,
            declared: declared_above(&lines, line),
        });
    }
    out
}

/// Whether the comment lines directly above the statement (up to the end
/// of the previous statement) say `across regions:`.
fn declared_above(lines: &[&str], line: usize) -> bool {
    let mut i = line - 1; // the literal's own line, 0-based
    if lines[i].contains("// across regions:") {
        return true;
    }
    while i > 0 {
        i -= 1;
        let l = lines[i].trim();
        if l.starts_with("//") {
            if l.contains("across regions:") {
                return true;
            }
            continue;
        }
        if l.is_empty() || l.ends_with(';') || l.ends_with('{') || l.ends_with('}') {
            return false;
        }
    }
    false
}

/// `const NAME: &str =` right before a literal.
fn const_name(before: &str) -> Option<String> {
    let t = before.trim_end().strip_suffix('=')?.trim_end();
    let t = t
        .strip_suffix("&str")
        .or_else(|| t.strip_suffix("&'static str"))?
        .trim_end()
        .strip_suffix(':')?
        .trim_end();
    let name: String = t
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let rest = t[..t.len() - name.len()].trim_end();
    (rest.ends_with("const") && !name.is_empty()).then_some(name)
}

struct Literal {
    start: usize,
    text: String,
}

/// String literals (plain and raw), skipping comments and char literals.
fn literals(s: &str) -> Vec<Literal> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i + 1 < b.len() && !(b[i] == b'*' && b[i + 1] == b'/') {
                    i += 1;
                }
                i += 2;
            }
            b'r' if (b.get(i + 1) == Some(&b'"') || b.get(i + 1) == Some(&b'#'))
                && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')) =>
            {
                let mut j = i + 1;
                let mut hashes = 0;
                while b.get(j) == Some(&b'#') {
                    hashes += 1;
                    j += 1;
                }
                if b.get(j) != Some(&b'"') {
                    i += 1;
                    continue;
                }
                let close = format!("\"{}", "#".repeat(hashes));
                let body = j + 1;
                let end = body + s[body..].find(&close).unwrap();
                out.push(Literal {
                    start: i,
                    text: s[body..end].to_string(),
                });
                i = end + close.len();
            }
            b'"' => {
                let mut j = i + 1;
                let mut text = String::new();
                while b[j] != b'"' {
                    if b[j] == b'\\' {
                        if b[j + 1] == b'\n' {
                            // A continued line: the next line's indent goes.
                            j += 2;
                            while b[j] == b' ' || b[j] == b'\t' || b[j] == b'\n' {
                                j += 1;
                            }
                            text.push(' ');
                            continue;
                        }
                        text.push(b[j + 1] as char);
                        j += 2;
                        continue;
                    }
                    let c = s[j..].chars().next().unwrap();
                    text.push(c);
                    j += c.len_utf8();
                }
                out.push(Literal { start: i, text });
                i = j + 1;
            }
            b'\'' => {
                // A char literal ('x', '\n', '"') or a lifetime ('a).
                if b.get(i + 1) == Some(&b'\\') {
                    i += 3;
                    while b[i] != b'\'' {
                        i += 1;
                    }
                    i += 1;
                } else if b.get(i + 2) == Some(&b'\'') {
                    i += 3;
                } else {
                    let c = s[i + 1..].chars().next().unwrap_or(' ');
                    if s[i + 1 + c.len_utf8()..].starts_with('\'') {
                        i += 1 + c.len_utf8() + 1;
                    } else {
                        i += 1;
                    }
                }
            }
            _ => i += 1,
        }
    }
    out
}

/// SQL words: identifiers (with their qualifier), parameters, operators
/// and punctuation; quoted strings become one token.
fn tokens(sql: &str) -> Vec<String> {
    let mut out = Vec::new();
    let cs: Vec<char> = sql.chars().collect();
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        if c.is_whitespace() {
            i += 1;
        } else if c == '-' && cs.get(i + 1) == Some(&'-') {
            while i < cs.len() && cs[i] != '\n' {
                i += 1;
            }
        } else if c == '\'' {
            let mut j = i + 1;
            while j < cs.len() && cs[j] != '\'' {
                j += 1;
            }
            out.push("'…'".to_string());
            i = j + 1;
        } else if c.is_alphanumeric() || c == '_' || c == '$' || c == '"' {
            let mut j = i;
            while j < cs.len()
                && (cs[j].is_alphanumeric() || matches!(cs[j], '_' | '$' | '.' | '"'))
            {
                j += 1;
            }
            out.push(cs[i..j].iter().collect::<String>().replace('"', ""));
            i = j;
        } else if "=<>!~".contains(c) {
            let mut j = i;
            while j < cs.len() && "=<>!~".contains(cs[j]) {
                j += 1;
            }
            out.push(cs[i..j].iter().collect());
            i = j;
        } else {
            out.push(c.to_string());
            i += 1;
        }
    }
    out
}

fn last(t: &str) -> &str {
    t.rsplit('.').next().unwrap_or(t)
}

/// The tables after `keywords`: `FROM`, `JOIN`, `UPDATE`, `INTO`.
fn tables(tok: &[String], keywords: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for (i, t) in tok.iter().enumerate() {
        if keywords.contains(&t.to_uppercase().as_str())
            && let Some(n) = tok.get(i + 1)
        {
            let n = if n.eq_ignore_ascii_case("ONLY") {
                tok.get(i + 2).unwrap_or(n)
            } else {
                n
            };
            out.push(last(n).to_string());
        }
    }
    out
}

/// Comparisons that narrow a region (`<>` does not).
const OPERATORS: &[&str] = &["=", "~>=~", "~<~", ">=", "<=", ">", "<"];

/// `region_kode` compared with a value the caller gives or a constant:
/// `= $1`, `LIKE $1 || '.%'`, `= ANY($1)`, `IN (…)`, `IS NULL` (the
/// shared rows of a mixed table). A join on it (`r.kode = p.region_kode`)
/// is not a filter.
fn by_region(tok: &[String]) -> bool {
    // `$1 IS NULL OR region_kode = $1`: no filter when $1 is not given.
    let optional = |p: &str| optional(tok, p);
    let value = |t: Option<&String>| {
        t.is_some_and(|v| {
            (v.starts_with('$') && !optional(v))
                || v == "'…'"
                || ["NULL", "ANY"].contains(&v.to_uppercase().as_str())
        })
    };
    let compares = |t: &String| {
        OPERATORS.contains(&t.as_str())
            || ["LIKE", "IN", "IS", "BETWEEN"].contains(&t.to_uppercase().as_str())
    };
    // A desa or kecamatan (`wilayah_kode`) lies in one region.
    tok.iter().enumerate().any(|(i, t)| {
        matches!(last(t), "region_kode" | "wilayah_kode")
            && ((tok.get(i + 1).is_some_and(compares) && value(tok.get(i + 2)))
                || (i >= 2 && compares(&tok[i - 1]) && value(tok.get(i - 2))))
    })
}

/// `$1 IS NULL` or `$1::text IS NULL` somewhere: the parameter is an
/// optional filter, which filters nothing when it is not given.
fn optional(tok: &[String], p: &str) -> bool {
    tok.windows(5)
        .any(|w| w[0] == p && w[1] == ":" && w[2] == ":" && w[4].eq_ignore_ascii_case("IS"))
        || tok
            .windows(2)
            .any(|w| w[0] == p && w[1].eq_ignore_ascii_case("IS"))
}

/// A column of `cols` given by the caller: `id = $1`, `plan_id =
/// ANY($1)`, `token_hash = $1` (one row, or a list of them).
fn keyed(tok: &[String], cols: &BTreeSet<String>) -> bool {
    tok.iter().enumerate().any(|(i, t)| {
        cols.contains(last(t))
            && tok.get(i + 1).is_some_and(|n| n == "=")
            && match tok.get(i + 2).map(String::as_str) {
                Some(p) if p.starts_with('$') => !optional(tok, p),
                Some(a) if a.eq_ignore_ascii_case("ANY") => {
                    tok.get(i + 3).is_some_and(|p| p == "(")
                        && tok
                            .get(i + 4)
                            .is_some_and(|p| p.starts_with('$') && !optional(tok, p))
                }
                _ => false,
            }
    })
}

/// A statement that begins with a fragment the scan cannot read (`"{}
/// WHERE id = $1"` with a path to another module's `SELECT`): read as SQL
/// on a tenant table, so its WHERE must carry the region.
fn unnamed_head(head: &str) -> bool {
    head.starts_with('{') && head.contains(" WHERE ")
}

fn judge(s: &Statement, tenant: &BTreeSet<String>, keys: &Keys) -> Verdict {
    let tok = tokens(&s.sql);
    let named = tables(&tok, &["FROM", "JOIN", "UPDATE", "INTO"]);
    if !named.iter().any(|t| tenant.contains(t)) && !unnamed_head(s.sql.trim_start()) {
        return Verdict::Untouched;
    }
    if by_region(&tok) {
        return Verdict::ByRegion;
    }
    if s.declared {
        return Verdict::Declared;
    }
    if keyed(&tok, &keys.row) || keyed(&tok, &keys.person) {
        return Verdict::Keyed;
    }
    // An insert is judged by the tenant tables it reads, if any; the row
    // it writes has its region (a NOT NULL column, or set by a trigger).
    let insert = tok.first().is_some_and(|t| t == "INSERT");
    let reads = tables(&tok, &["FROM", "JOIN"]);
    if insert && !reads.iter().any(|t| tenant.contains(t)) {
        return Verdict::Insert;
    }
    Verdict::Unbounded
}

/// A meeting's invitees and attendance take its region (migration 0025),
/// and a meeting cannot move to another region under them.
#[tokio::test]
async fn a_meetings_rows_carry_its_region_and_it_stays() {
    let (db, _) = common::fresh_database().await;
    let (meeting, region): (uuid::Uuid, String) = sqlx::query_as(
        "SELECT m.id, m.region_kode FROM meetings m
          WHERE EXISTS (SELECT 1 FROM meeting_invitees i WHERE i.meeting_id = m.id) LIMIT 1",
    )
    .fetch_one(&db)
    .await
    .unwrap();
    sqlx::query("INSERT INTO meeting_attendance (id, meeting_id, name, org_name) VALUES ($1, $2, 'Siti', 'PKK')")
        .bind(uuid::Uuid::new_v4())
        .bind(meeting)
        .execute(&db)
        .await
        .unwrap();
    let regions: Vec<String> = sqlx::query_scalar(
        "SELECT region_kode FROM meeting_invitees WHERE meeting_id = $1
         UNION ALL SELECT region_kode FROM meeting_attendance WHERE meeting_id = $1",
    )
    .bind(meeting)
    .fetch_all(&db)
    .await
    .unwrap();
    assert!(regions.len() >= 2);
    assert!(
        regions.iter().all(|r| *r == region),
        "{regions:?} in {region}"
    );
    let moved = sqlx::query(
        "UPDATE meetings SET region_kode = (SELECT kode FROM regions WHERE kode <> $2 AND length(kode) = 5 LIMIT 1)
          WHERE id = $1",
    )
    .bind(meeting)
    .bind(&region)
        .execute(&db)
        .await;
    assert!(
        moved
            .unwrap_err()
            .to_string()
            .contains("stays with the region")
    );
}

/// A row read in another region is not there: every statement after a
/// request's first carries the region of the row it loaded, so an id of
/// another pemda finds nothing even where a check upstream was missed.
#[tokio::test]
async fn a_row_read_in_another_region_is_not_there() {
    use selaras::store::{plans::items, proposals};
    let (db, _) = common::fresh_database().await;
    let (plan, item): (uuid::Uuid, uuid::Uuid) = sqlx::query_as(
        "SELECT p.id, i.id FROM plans p JOIN plan_items i ON i.plan_id = p.id
          WHERE p.region_kode = '33.71' AND p.kind = 'rkpd' LIMIT 1",
    )
    .fetch_one(&db)
    .await
    .unwrap();
    let (home, other) = ("33.71", "35.05");
    assert!(items::get_in(&db, home, item).await.unwrap().is_some());
    assert!(items::get_in(&db, other, item).await.unwrap().is_none());
    assert!(!items::for_plan(&db, home, plan).await.unwrap().is_empty());
    assert!(items::for_plan(&db, other, plan).await.unwrap().is_empty());
    let nomor: String = sqlx::query_scalar(
        "SELECT nomor FROM proposals WHERE region_kode = '33.71' ORDER BY nomor LIMIT 1",
    )
    .fetch_one(&db)
    .await
    .unwrap();
    assert!(
        proposals::by_nomor_in(&db, home, &nomor)
            .await
            .unwrap()
            .is_some()
    );
    assert!(
        proposals::by_nomor_in(&db, other, &nomor)
            .await
            .unwrap()
            .is_none()
    );
}
