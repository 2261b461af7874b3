//! Bringing a region's people in at once: a sheet of organizations and
//! their users (Jenis organisasi, Nama organisasi, Kode wilayah, Nama
//! pengguna, Nama lengkap, Email, Peran). Each row names an organization
//! (created when the region does not have it yet) and, optionally, a user
//! who joins it with a role and is invited to set their own password.
//! Read here, row by row; what needs the database is checked by the store.

use super::org::OrgKind;
use super::role::Role;
use super::target_pagu::{RowError, SheetCell};
use super::user::{parse_email, parse_full_name, parse_username};

pub const COLUMNS: [&str; 7] = [
    "Jenis organisasi",
    "Nama organisasi",
    "Kode wilayah",
    "Nama pengguna",
    "Nama lengkap",
    "Email",
    "Peran",
];

#[derive(Debug, Clone, PartialEq)]
pub struct NewUserRow {
    pub username: String,
    pub full_name: String,
    pub email: Option<String>,
    pub role: Role,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RosterRow {
    pub row: usize,
    pub kind: OrgKind,
    pub org_name: String,
    pub wilayah: Option<String>,
    pub user: Option<NewUserRow>,
}

fn kind_of(s: &str) -> Option<OrgKind> {
    let t = s.trim().to_lowercase().replace(' ', "_");
    OrgKind::ALL
        .into_iter()
        .find(|k| k.as_str() == t || k.label().to_lowercase().replace(' ', "_") == t)
}

fn role_of(s: &str) -> Option<Role> {
    let t = s.trim().to_lowercase();
    Role::ALL
        .into_iter()
        .find(|r| r.as_str() == t || r.label().to_lowercase() == t)
}

pub fn read(rows: &[Vec<SheetCell>]) -> Result<(Vec<RosterRow>, Vec<RowError>), String> {
    let text = |c: &SheetCell| match c {
        SheetCell::Empty => String::new(),
        SheetCell::Text(s) => s.trim().to_string(),
        SheetCell::Number(n) => n.to_string(),
    };
    let header = rows
        .iter()
        .take(20)
        .position(|r| {
            r.len() >= COLUMNS.len()
                && r.iter()
                    .zip(COLUMNS)
                    .all(|(c, t)| text(c).eq_ignore_ascii_case(t))
        })
        .ok_or_else(|| {
            crate::i18n::tf!(
                "judul-kolom-tidak-ditemukan-baris-judul",
                a1 = COLUMNS.join(", ")
            )
        })?;
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (i, r) in rows.iter().enumerate().skip(header + 1) {
        let n = i + 1;
        let get = |c: usize| r.get(c).map(&text).unwrap_or_default();
        if (0..COLUMNS.len()).all(|c| get(c).is_empty()) {
            continue;
        }
        let mut fail = |m: String| errors.push(RowError { row: n, message: m });
        let Some(kind) = kind_of(&get(0)) else {
            let kinds = OrgKind::ALL
                .iter()
                .map(|k| k.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            fail(crate::i18n::tf!(
                "jenis-organisasi-tidak-dikenal",
                a1 = get(0),
                kinds = kinds
            ));
            continue;
        };
        let org_name = get(1);
        if !(2..=200).contains(&org_name.chars().count()) {
            fail(crate::i18n::t("nama-organisasi-2200-karakter").into());
            continue;
        }
        let wilayah = Some(get(2)).filter(|w| !w.is_empty());
        let user = if get(3).is_empty() && get(4).is_empty() {
            None
        } else {
            let username = parse_username(&get(3));
            let full_name = parse_full_name(&get(4));
            let email = parse_email(&get(5));
            let role = role_of(&get(6));
            match (username, full_name, email, role) {
                (Ok(username), Ok(full_name), Ok(email), Some(role)) => Some(NewUserRow {
                    username,
                    full_name,
                    email,
                    role,
                }),
                (Err(e), ..) | (_, Err(e), ..) | (_, _, Err(e), _) => {
                    fail(e);
                    continue;
                }
                (.., None) => {
                    let roles = Role::ALL
                        .iter()
                        .map(|r| r.as_str())
                        .collect::<Vec<_>>()
                        .join(", ");
                    fail(crate::i18n::tf!(
                        "peran-tidak-dikenal",
                        a1 = get(6),
                        roles = roles
                    ));
                    continue;
                }
            }
        };
        out.push(RosterRow {
            row: n,
            kind,
            org_name,
            wilayah,
            user,
        });
    }
    if out.is_empty() && errors.is_empty() {
        return Err(crate::i18n::t("berkas-ini-tidak-berisi-baris-organisasi").into());
    }
    Ok((out, errors))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> SheetCell {
        SheetCell::Text(s.into())
    }

    #[test]
    fn rows_become_organizations_with_their_people_or_row_errors() {
        let rows = vec![
            COLUMNS.iter().map(|c| t(c)).collect::<Vec<_>>(),
            [
                "desa",
                "Desa Sumberagung",
                "35.05.04.2001",
                "desa.sumberagung",
                "Siti Aminah",
                "",
                "village",
            ]
            .map(t)
            .to_vec(),
            ["Lembaga", "LPM Kademangan", "", "", "", "", ""]
                .map(t)
                .to_vec(),
            ["desa", "Desa X", "", "Bad Name!", "Siti", "", "village"]
                .map(t)
                .to_vec(),
            ["pasar", "Pasar", "", "", "", "", ""].map(t).to_vec(),
            ["desa", "Desa Y", "", "desa.y", "Budi", "", "raja"]
                .map(t)
                .to_vec(),
        ];
        let (ok, errors) = read(&rows).unwrap();
        assert_eq!(ok.len(), 2);
        assert_eq!(ok[0].user.as_ref().unwrap().role, Role::Village);
        assert_eq!(ok[1].kind, OrgKind::Lembaga);
        assert!(ok[1].user.is_none());
        assert_eq!(errors.iter().map(|e| e.row).collect::<Vec<_>>(), [4, 5, 6]);
    }
}
